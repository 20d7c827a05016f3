import { useEffect, useState } from 'react';
import type { OpOutput } from '../../shared/contract/index.ts';
import { ApiError, call } from '../api.ts';
import type { Lang } from '../../shared/i18n.ts';
import { generatePassphrase, passphraseBits } from '../../shared/passphrase/generate.ts';
import { isWeakness, weaknessMessage } from '../../shared/passphrase/strength.ts';
import { useHashQuery } from '../router.ts';
import { formatDate } from '../format.ts';
import { useFilesT } from '../i18n/useFilesT.ts';
import { useSyncT } from '../i18n/useSyncT.ts';
import { BUNDLE_FILES, FilePicker, INVITATION_FILES, noTarget, type Target } from './FilePlaces.tsx';
import { Outcome, useAction } from './SyncActions.tsx';

type Header = OpOutput<'sync.inspect'>;

const bundleKinds = ['full', 'peer', 'selective'] as const;
const isBundleKind = (k: string): k is (typeof bundleKinds)[number] =>
  (bundleKinds as readonly string[]).includes(k);

/** An email (.eml) or a part of a split bundle: taken through the mail service, not inspected. */
const isMailFile = (name: string): boolean => /\.(eml|pamoja-part)$/i.test(name);

/** Opens a bundle: shows its public header, then imports it (see renderer/bundleOpening.ts). */
export function ImportCard({ needsPassphrase, onDone }: { needsPassphrase: boolean; onDone: () => void }) {
  const { t, lang } = useSyncT();
  const [path, setPath] = useState<Target>(noTarget);
  const [passphrase, setPassphrase] = useState('');
  const [header, setHeader] = useState<Header | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const { explain } = useFilesT();
  const action = useAction(onDone);
  const inspect = async (p: string, shown = p): Promise<void> => {
    setHeader(null);
    setUnreadable(null);
    if (isMailFile(shown)) return;
    try {
      setHeader(await call('sync.inspect', { path: p }));
    } catch (e) {
      setUnreadable(explain(e));
    }
  };
  // A bundle opened with the app, dropped on it, or linked as #/sync?open=REF&name=PATH.
  const query = useHashQuery();
  const opened = query.get('open');
  const openedName = query.get('name') ?? opened;
  useEffect(() => {
    if (!opened) return;
    setPath({ ref: opened, shown: openedName ?? opened });
    void inspect(opened, openedName ?? opened);
  }, [opened, openedName]);
  const run = () =>
    action.run(async () => {
      if (isMailFile(path.shown || path.ref)) {
        const taken = await call('mail.take', {
          path: path.ref.trim(),
          ...(passphrase ? { passphrase } : {}),
        });
        const failed = taken.filter((x) => x.outcome === 'failed');
        const lines = (
          <>
            {taken.map((x, i) => (
              <p key={i} className={x.outcome === 'failed' ? 'overdue' : undefined}>
                {x.import
                  ? t('sync.import.done', {
                      new: x.import.new,
                      known: x.import.known,
                      superseded: x.import.superseded,
                    })
                  : `${x.name}: ${x.message}`}
              </p>
            ))}
          </>
        );
        if (failed.length) throw Object.assign(new Error(failed[0]!.message), { content: lines });
        return lines;
      }
      const r = await action.job.run('sync.import', {
        path: path.ref.trim(),
        ...(passphrase ? { passphrase } : {}),
      });
      return (
        <>
          <p>{t('sync.import.done', { new: r.new, known: r.known, superseded: r.superseded })}</p>
          {r.held > 0 && <p className="overdue">{t('sync.import.heldBack', { held: r.held })}</p>}
        </>
      );
    });
  return (
    <div className="card">
      <h2>{t('sync.import.title')}</h2>
      <FilePicker
        label={t('sync.import.path')}
        kind={BUNDLE_FILES}
        value={path}
        onChange={(p) => {
          setPath(p);
          void inspect(p.ref, p.shown);
        }}
        pickLabel={t('sync.import.choose')}
        testId="import-path"
      />
      {unreadable && (
        <p className="error-box" role="alert" data-testid="bundle-unreadable">
          {unreadable}
        </p>
      )}
      {header && (
        <p className="notice" data-testid="bundle-header">
          {t('sync.import.header', {
            // A kind this version does not know is shown as the file says it.
            kind: isBundleKind(header.kind) ? t(`sync.kind.${header.kind}`) : header.kind,
            region: header.regionName || t('sync.import.unknownRegion'),
            sender: header.senderName || t('sync.import.unknownSender'),
            at: formatDate(lang, header.createdAt),
          })}
          {header.scope && <> {t('sync.import.scope', { scope: header.scope })}</>}
        </p>
      )}
      {needsPassphrase && (
        <label className="field">
          {t('sync.passphraseIfNew')}
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            data-testid="import-passphrase"
          />
        </label>
      )}
      <div className="searchbar">
        <button
          className="button primary"
          disabled={!path.ref.trim() || action.busy}
          onClick={() => void run()}
          data-testid="import-go"
        >
          {t('sync.import.go')}
        </button>
      </div>
      <Outcome action={action} />
    </div>
  );
}

/** Joins a region: the first laptop starts its secret; others accept an invitation. */
export function JoinCard({ onDone }: { onDone: () => void }) {
  const { t, lang } = useSyncT();
  const [passphrase, setPassphrase] = useState('');
  const [shown, setShown] = useState(false);
  const [suggested, setSuggested] = useState<Lang | null>(null);
  const [invitation, setInvitation] = useState<Target>(noTarget);
  const [password, setPassword] = useState('');
  const action = useAction(onDone);
  const join = (input: Parameters<typeof call<'sync.join'>>[1]) =>
    action.run(async () => {
      try {
        return t('sync.join.done', { region: (await call('sync.join', input)).regionName });
      } catch (e) {
        // A weak passphrase: its reason in the coach's language.
        if (e instanceof ApiError && e.reason === 'weak_passphrase' && isWeakness(e.detail))
          throw Object.assign(new Error(e.message), { content: weaknessMessage(e.detail, lang) });
        throw e;
      }
    });
  const suggest = (words: Lang): void => {
    setPassphrase(generatePassphrase(words));
    setSuggested(words);
    setShown(true);
  };
  return (
    <div className="card">
      <h2>{t('sync.join.title')}</h2>
      <p className="muted">{t('sync.join.help')}</p>
      <label className="field">
        {t('sync.join.passphrase')}
        <input
          type={shown ? 'text' : 'password'}
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setSuggested(null);
          }}
          autoComplete="new-password"
          spellCheck={false}
          data-testid="join-passphrase"
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
        {t('sync.join.show')}
      </label>
      <div className="suggest-row" role="group" aria-label={t('sync.join.suggest')}>
        <span className="muted">{t('sync.join.suggest')}:</span>
        <button
          type="button"
          className="button secondary"
          onClick={() => suggest('en')}
          data-testid="suggest-en"
        >
          {t('sync.join.suggestEn')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => suggest('sw')}
          data-testid="suggest-sw"
        >
          {t('sync.join.suggestSw')}
        </button>
      </div>
      {suggested && (
        <p className="muted" role="status" data-testid="suggested-note">
          {t('sync.join.suggested', { bits: Math.round(passphraseBits(suggested)) })}
        </p>
      )}
      <button
        className="button"
        disabled={!passphrase || action.busy}
        onClick={() => void join({ passphrase })}
        data-testid="join-start"
      >
        {t('sync.join.start')}
      </button>
      <FilePicker
        label={t('sync.join.invitation')}
        kind={INVITATION_FILES}
        value={invitation}
        onChange={setInvitation}
        pickLabel={t('sync.join.choose')}
        testId="join-invitation"
      />
      <label className="field">
        {t('sync.join.invitationPassword')}
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button
        className="button"
        disabled={!invitation.ref.trim() || action.busy}
        onClick={() => void join({ invitation: invitation.ref.trim(), ...(password ? { password } : {}) })}
      >
        {t('sync.join.accept')}
      </button>
      <Outcome action={action} />
    </div>
  );
}

/**
 * This laptop's keys are sealed and this app cannot open them by itself (a store moved from
 * another computer, a system without a keyring, serve started without the passphrase).
 */
export function UnlockCard({ onDone }: { onDone: () => void }) {
  const { t } = useSyncT();
  const [passphrase, setPassphrase] = useState('');
  const action = useAction(onDone);
  return (
    <div className="card notice" data-testid="sync-locked">
      <h2>{t('sync.unlock.title')}</h2>
      <p>{t('sync.unlock.help')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await call('sync.unlock', { passphrase });
            setPassphrase('');
            return t('sync.unlock.done');
          });
        }}
      >
        <label className="field">
          {t('sync.join.passphrase')}
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="current-password"
            data-testid="unlock-passphrase"
          />
        </label>
        <button className="button primary" disabled={!passphrase || action.busy} data-testid="unlock-keys">
          {t('sync.unlock.open')}
        </button>
      </form>
      <Outcome action={action} />
    </div>
  );
}
