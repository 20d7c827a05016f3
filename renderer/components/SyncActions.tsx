import { useState, type ReactNode } from 'react';
import type { OpOutput } from '../../shared/contract/index.ts';
import { useT } from '../i18n/index.tsx';
import { useFilesT } from '../i18n/useFilesT.ts';
import { refusalText } from '../i18n/refusals.ts';
import { useSyncT } from '../i18n/useSyncT.ts';
import { JobCancelledError, useJob } from '../jobs.ts';
import { BUNDLE_FILES, FolderField, noTarget, SaveTarget, WrittenFile } from './FilePlaces.tsx';
import { JobProgress } from './JobProgress.tsx';

type Device = OpOutput<'sync.devices'>[number];

/**
 * Runs one call at a time with a message (result or error); long work goes through
 * `job.run(op, input)` (the services' job runner) and shows its progress and Cancel.
 */
export function useAction(onDone: () => void) {
  const t = useT();
  const { explain } = useFilesT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: ReactNode; ok: boolean } | null>(null);
  const job = useJob();
  const run = async (work: () => Promise<ReactNode>): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await work(), ok: true });
      onDone();
    } catch (e) {
      const content = (e as { content?: ReactNode }).content;
      if (e instanceof JobCancelledError) setMessage({ text: t('jobs.cancelled'), ok: true });
      else setMessage({ text: content ?? explain(e), ok: false });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, job, run };
}

export function Outcome({ action }: { action: ReturnType<typeof useAction> }) {
  const { t } = useSyncT();
  const { busy, job, message } = action;
  return (
    <>
      {busy && job.view && <JobProgress view={job.view} onCancel={job.cancel} />}
      {busy && !job.view && (
        <p className="muted" role="status">
          {t('sync.working')}
        </p>
      )}
      {message && (
        <div className={message.ok ? 'success' : 'error-box'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
    </>
  );
}

/** The USB mailbox: a folder (typed in the browser, chosen in the shell) and one Sync button. */
export function SyncFolderCard({
  needsPassphrase,
  onDone,
}: {
  needsPassphrase: boolean;
  onDone: () => void;
}) {
  const { t, lang } = useSyncT();
  const [dir, setDir] = useState(noTarget);
  const [passphrase, setPassphrase] = useState('');
  const action = useAction(onDone);
  const sync = () =>
    action.run(async () => {
      const r = await action.job.run('sync.folder', {
        dir: dir.ref.trim(),
        ...(passphrase ? { passphrase } : {}),
      });
      return (
        <>
          <p>
            {t('sync.folder.result', {
              imported: r.imported.length,
              new: r.imported.reduce((n, i) => n + i.new, 0),
              skipped: r.skipped.length,
              written: r.written?.changes ?? 0,
              cleared: r.cleared.length,
            })}
          </p>
          {r.failed.map((f) => (
            <p key={f.file} className="overdue">
              {t('sync.folder.failed', {
                file: f.file,
                message: refusalText(f.reason, f.detail, lang) ?? f.message,
              })}
            </p>
          ))}
        </>
      );
    });
  return (
    <div className="card">
      <h2>{t('sync.folder.title')}</h2>
      <p className="muted">{t('sync.folder.help')}</p>
      <FolderField
        label={t('sync.folder.path')}
        value={dir}
        onChange={setDir}
        pickLabel={t('sync.folder.choose')}
        testId="sync-folder"
      />
      {needsPassphrase && (
        <label className="field">
          {t('sync.passphraseIfNew')}
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            data-testid="sync-passphrase"
          />
        </label>
      )}
      <button
        className="button primary"
        disabled={!dir.ref.trim() || action.busy}
        onClick={() => void sync()}
        data-testid="sync-now"
      >
        {t('sync.folder.sync')}
      </button>
      <Outcome action={action} />
    </div>
  );
}

/** Writes a bundle: for everyone, for one laptop, the whole region, or the practice library. */
export function ExportCard({ devices, onDone }: { devices: Device[]; onDone: () => void }) {
  const { t } = useSyncT();
  const [choice, setChoice] = useState('peer');
  const [path, setPath] = useState(noTarget);
  const action = useAction(onDone);
  const run = () =>
    action.run(async () => {
      const target = path.ref.trim() ? { path: path.ref.trim() } : {};
      const input =
        choice === 'full'
          ? ({ kind: 'full', ...target } as const)
          : choice === 'practices'
            ? ({ kind: 'selective', practices: true, ...target } as const)
            : ({
                kind: 'peer',
                ...(choice.startsWith('for:') ? { forDevice: choice.slice(4) } : {}),
                ...target,
              } as const);
      const r = await action.job.run('sync.export', input);
      return (
        <>
          <p>{t('sync.export.done', { file: r.file, changes: r.changes, kb: Math.ceil(r.bytes / 1024) })}</p>
          <WrittenFile file={r.file} fileRef={r.ref} />
        </>
      );
    });
  return (
    <div className="card">
      <h2>{t('sync.export.title')}</h2>
      <label className="field">
        {t('sync.export.kind')}
        <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="export-kind">
          <option value="peer">{t('sync.export.peer')}</option>
          {devices
            .filter((d) => !d.self && d.missing !== null)
            .map((d) => (
              <option key={d.deviceId} value={`for:${d.deviceId}`}>
                {t('sync.export.for', { device: d.name || d.deviceId.slice(0, 8) })}
              </option>
            ))}
          <option value="full">{t('sync.export.full')}</option>
          <option value="practices">{t('sync.export.practices')}</option>
        </select>
      </label>
      <SaveTarget
        label={t('sync.export.path')}
        value={path}
        onChange={setPath}
        defaultName="pamoja.pamoja"
        kind={BUNDLE_FILES}
        pickLabel={t('sync.export.choose')}
        testId="export-path"
      />
      <button
        className="button primary"
        disabled={action.busy}
        onClick={() => void run()}
        data-testid="export-go"
      >
        {t('sync.export.go')}
      </button>
      <Outcome action={action} />
    </div>
  );
}
