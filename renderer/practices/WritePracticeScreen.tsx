import { call, useOp } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import { emptyWriteUp, PracticeForm } from './PracticeForm.tsx';
import './practices.css';

/** `#/practices/new`: a practice written down from the library. */
export function NewPracticeScreen() {
  const { t } = useI18n();
  return (
    <section>
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="#/practices">{t('practices.title')}</a>
          </p>
          <h1>{t('pw.new')}</h1>
          <p className="muted">{t('pw.newHint')}</p>
        </div>
      </div>
      <PracticeForm
        initial={emptyWriteUp()}
        heading={t('pw.new')}
        showHeading={false}
        onSave={async (w) => {
          const { id } = await call('practices.create', w);
          navigate(`/practices/${id}`);
        }}
        onCancel={() => navigate('/practices')}
      />
    </section>
  );
}

/** `#/practices/<id>/edit`: correcting a write-up; only the fields changed are written. */
export function EditPracticeScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const practice = useOp('practices.get', { id });
  if (practice.error) return <ErrorBox error={practice.error} onRetry={practice.reload} />;
  if (!practice.data) return <Loading />;
  const p = practice.data;
  return (
    <section>
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="#/practices">{t('practices.title')}</a> › <a href={`#/practices/${p.id}`}>{p.title}</a>
          </p>
          <h1>{t('pw.edit')}</h1>
        </div>
      </div>
      <PracticeForm
        initial={p.writeUp}
        heading={t('pw.edit')}
        showHeading={false}
        onSave={async (writeUp) => {
          await call('practices.update', { id: p.id, writeUp });
          navigate(`/practices/${p.id}`);
        }}
        onCancel={() => navigate(`/practices/${p.id}`)}
      />
    </section>
  );
}
