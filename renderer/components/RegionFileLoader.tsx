import { useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { JobCancelledError, useJob } from '../jobs.ts';
import { JobProgress } from './JobProgress.tsx';

/** Picks a region file (JSON) and loads it; reports the first problem if it is bad. */
export function RegionFileLoader({ onLoaded, primary = false }: { onLoaded: () => void; primary?: boolean }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: string }>({ busy: false });
  const job = useJob();

  const load = async (file: File): Promise<void> => {
    setState({ busy: true });
    try {
      const summary = await job.run('region.loadFile', { text: await file.text() });
      const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
      setState({ busy: false, done: `${t('welcome.loaded')} (${total})` });
      onLoaded();
    } catch (e) {
      if (e instanceof JobCancelledError) setState({ busy: false, done: t('jobs.cancelled') });
      else setState({ busy: false, error: e instanceof ApiError ? e.message : String(e) });
    }
  };

  return (
    <span>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="region-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void load(file);
          e.target.value = '';
        }}
      />
      <button
        className={primary ? 'button primary' : 'button'}
        disabled={state.busy}
        onClick={() => input.current?.click()}
      >
        {state.busy ? t('welcome.loading') : t('welcome.file')}
      </button>
      {state.busy && job.view && <JobProgress view={job.view} onCancel={job.cancel} />}
      {state.error && (
        <p className="error-box" role="alert" style={{ marginTop: '0.6rem' }}>
          {state.error}
        </p>
      )}
      {state.done && (
        <p className="success" role="status" style={{ marginTop: '0.6rem' }}>
          {state.done}
        </p>
      )}
    </span>
  );
}
