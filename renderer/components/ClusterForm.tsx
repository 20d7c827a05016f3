import { clusterProblems, readNumber } from '../../shared/region/checks.ts';
import { call } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { Field } from './editing/Field.tsx';
import { useForm } from './editing/useForm.ts';
import { RegionMap } from './RegionMap.tsx';

export interface ClusterValues extends Record<string, string> {
  name: string;
  place: string;
  lat: string;
  lon: string;
  coachName: string;
}

const parsed = (v: ClusterValues) => ({
  name: v.name.trim(),
  place: v.place.trim(),
  lat: readNumber(v.lat),
  lon: readNumber(v.lon),
  coachName: v.coachName.trim(),
});

/** Create or edit a CoP: name, meeting place, location (typed, or by clicking the map), coach. */
export function ClusterForm({
  clusterId,
  initial,
  title,
  otherNames,
  onSaved,
  onCancel,
}: {
  clusterId?: string;
  initial: ClusterValues;
  title: string;
  otherNames: string[];
  onSaved: (id: string, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useForm(initial, (v) => clusterProblems(parsed(v), otherNames));
  const v = form.values;
  const lat = readNumber(v.lat);
  const lon = readNumber(v.lon);
  const text = (key: keyof ClusterValues & string, label: string, decimal = false) => (
    <Field label={label} message={form.messages[key]}>
      {(p) => (
        <input
          {...p}
          type="text"
          {...(decimal ? { inputMode: 'decimal' as const } : {})}
          value={v[key]}
          onChange={(e) => form.set(key, e.target.value)}
          onBlur={() => form.leave(key)}
        />
      )}
    </Field>
  );
  return (
    <form
      className="card"
      aria-label={title}
      data-testid="cluster-form"
      onSubmit={(e) => {
        e.preventDefault();
        let id = clusterId ?? '';
        void form
          .submit(async (values) => {
            if (clusterId) await call('clusters.update', { id: clusterId, fields: parsed(values) });
            else id = (await call('clusters.create', parsed(values))).id;
          })
          .then((saved) => saved && onSaved(id, v.name.trim()));
      }}
    >
      <h2>{title}</h2>
      <div className="form-grid">
        {text('name', t('cop.name'))}
        {text('place', t('cop.place'))}
        {text('coachName', t('cop.coach'))}
        {text('lat', t('cop.lat'), true)}
        {text('lon', t('cop.lon'), true)}
      </div>
      <p className="small muted">{t('cop.pickOnMap')}</p>
      <RegionMap
        height={320}
        {...(clusterId ? { highlight: clusterId } : {})}
        picked={Number.isNaN(lat) || Number.isNaN(lon) ? null : { lat, lon }}
        onPick={(p) => {
          form.set('lat', p.lat.toFixed(5));
          form.set('lon', p.lon.toFixed(5));
        }}
      />
      {form.formMessage && (
        <p className="field-message" role="alert">
          {form.formMessage}
        </p>
      )}
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={form.busy}>
          {form.busy ? t('edit.saving') : t('edit.save')}
        </button>
        <button className="button" type="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
