import { useOp } from '../api.ts';
import { ClusterForm } from '../components/ClusterForm.tsx';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';

/** A new CoP: its name, meeting place, location and coach; schools and members follow on its page. */
export function NewClusterScreen() {
  const { t } = useI18n();
  const clusters = useOp('clusters.list', {});
  return (
    <section>
      <p className="muted small">
        <a href="#/clusters">{t('nav.clusters')}</a>
      </p>
      <h1>{t('cop.newTitle')}</h1>
      <ClusterForm
        initial={{ name: '', place: '', lat: '', lon: '', coachName: '' }}
        title={t('cop.new')}
        otherNames={(clusters.data ?? []).map((c) => c.name)}
        onSaved={(id) => navigate(`/clusters/${id}?created=1`)}
        onCancel={() => navigate('/clusters')}
      />
    </section>
  );
}
