import { schoolSettings, type SchoolSetting } from '../../shared/schema/enums.ts';
import { settingLabel } from '../../shared/labels.ts';
import { readNumber, schoolProblems } from '../../shared/region/checks.ts';
import { call } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { Field } from './editing/Field.tsx';
import { useForm } from './editing/useForm.ts';

export interface SchoolValues extends Record<string, string> {
  name: string;
  headName: string;
  setting: string;
  learners: string;
  teachers: string;
  lat: string;
  lon: string;
  officialCode: string;
}

const parsed = (v: SchoolValues) => ({
  name: v.name.trim(),
  headName: v.headName.trim(),
  setting: v.setting as SchoolSetting,
  learners: readNumber(v.learners),
  teachers: readNumber(v.teachers),
  lat: readNumber(v.lat),
  lon: readNumber(v.lon),
  officialCode: v.officialCode.trim(),
});

/** Add or edit a school: name, head, setting, size, location, official code. */
export function SchoolForm({
  clusterId,
  schoolId,
  initial,
  title,
  otherNames,
  takenCodes,
  onSaved,
  onCancel,
}: {
  clusterId: string;
  schoolId?: string;
  initial: SchoolValues;
  title: string;
  /** Names of the CoP's other schools. */
  otherNames: string[];
  /** Official codes of the region's other schools. */
  takenCodes: string[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const form = useForm(initial, (v) => schoolProblems(parsed(v), otherNames, takenCodes));
  const v = form.values;
  const text = (
    key: keyof SchoolValues & string,
    label: string,
    extra: { inputMode?: 'decimal' | 'numeric'; hint?: string } = {},
  ) => (
    <Field label={label} message={form.messages[key]} {...(extra.hint ? { hint: extra.hint } : {})}>
      {(p) => (
        <input
          {...p}
          type="text"
          {...(extra.inputMode ? { inputMode: extra.inputMode } : {})}
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
      data-testid="school-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit((values) =>
            schoolId
              ? call('schools.update', { id: schoolId, fields: parsed(values) })
              : call('schools.add', { clusterId, ...parsed(values) }),
          )
          .then((saved) => saved && onSaved());
      }}
    >
      <h3>{title}</h3>
      <div className="form-grid">
        {text('name', t('school.name'))}
        {text('headName', t('school.head'))}
        <Field label={t('school.setting')} message={form.messages.setting}>
          {(p) => (
            <select {...p} value={v.setting} onChange={(e) => form.set('setting', e.target.value)}>
              {schoolSettings.map((s) => (
                <option key={s} value={s}>
                  {settingLabel(lang, s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('learners', t('school.learners'), { inputMode: 'numeric' })}
        {text('teachers', t('school.teachers'), { inputMode: 'numeric' })}
        {text('lat', t('cop.lat'), { inputMode: 'decimal' })}
        {text('lon', t('cop.lon'), { inputMode: 'decimal' })}
        {text('officialCode', `${t('school.code')} ${t('edit.optional')}`, { hint: t('school.codeHint') })}
      </div>
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
