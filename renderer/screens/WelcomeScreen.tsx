import { useState } from 'react';
import { ApiError } from '../api.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { RegionFileLoader } from '../components/RegionFileLoader.tsx';
import { useT } from '../i18n/index.tsx';
import { useJob } from '../jobs.ts';
import { navigate } from '../router.ts';

/** Shown while the store holds no region: demo, region file, or join through sync. */
export function WelcomeScreen({ onLoaded }: { onLoaded: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const job = useJob();

  const loadDemo = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await job.run('region.loadDemo', {});
      onLoaded();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="welcome card">
      <h1>{t('welcome.title')}</h1>
      <p>{t('welcome.body')}</p>
      <div className="actions">
        <button className="button primary" onClick={() => void loadDemo()} disabled={busy}>
          {busy ? t('welcome.loading') : t('welcome.demo')}
        </button>
        <RegionFileLoader onLoaded={onLoaded} />
        <button className="button" onClick={() => navigate('/sync')}>
          {t('welcome.sync')}
        </button>
      </div>
      {busy && job.view && <JobProgress view={job.view} onCancel={job.cancel} />}
      {error && (
        <p className="error-box" role="alert" style={{ marginTop: '1rem' }}>
          {error}
        </p>
      )}
    </section>
  );
}
