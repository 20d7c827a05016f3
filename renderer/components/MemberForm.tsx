import { memberRoles, type MemberRole } from '../../shared/schema/enums.ts';
import { roleLabel } from '../../shared/labels.ts';
import { memberProblems } from '../../shared/region/checks.ts';
import { call } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { Field } from './editing/Field.tsx';
import { useForm } from './editing/useForm.ts';

export interface MemberValues extends Record<string, string> {
  name: string;
  role: string;
  schoolId: string;
  phone: string;
  gender: string;
}

export const emptyMember: MemberValues = {
  name: '',
  role: 'headteacher',
  schoolId: '',
  phone: '',
  gender: '',
};

/**
 * Add or edit a member of a CoP. Used on the CoP page and, for the person who turns up,
 * on the session record screen (which keeps its own draft untouched meanwhile).
 */
export function MemberForm({
  clusterId,
  memberId,
  initial = emptyMember,
  title,
  schools,
  otherNames,
  onSaved,
  onCancel,
}: {
  clusterId: string;
  /** Set when editing; empty when adding. */
  memberId?: string;
  initial?: MemberValues;
  title: string;
  schools: { id: string; name: string }[];
  /** Names of the CoP's other current members. */
  otherNames: string[];
  onSaved: (member: { id: string; name: string }) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const schoolIds = schools.map((s) => s.id);
  const form = useForm(initial, (v) =>
    memberProblems({ ...v, schoolId: v.schoolId || null }, schoolIds, otherNames),
  );
  const v = form.values;
  const save = async () => {
    const fields = {
      name: v.name.trim(),
      role: v.role as MemberRole,
      schoolId: v.schoolId || null,
      phone: v.phone.trim(),
      gender: v.gender as 'f' | 'm' | '',
    };
    let id = memberId ?? '';
    const saved = await form.submit(async () => {
      if (memberId) await call('members.update', { id: memberId, fields });
      else id = (await call('members.add', { clusterId, ...fields })).id;
    });
    if (saved) onSaved({ id, name: fields.name });
  };

  return (
    <form
      className="card"
      aria-label={title}
      data-testid="member-form"
      onSubmit={(e) => {
        e.preventDefault();
        // The newcomer form may sit inside another form's screen: never submit that one.
        e.stopPropagation();
        void save();
      }}
    >
      <h3>{title}</h3>
      <div className="form-grid">
        <Field label={t('member.name')} message={form.messages.name}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={v.name}
              autoFocus
              onChange={(e) => form.set('name', e.target.value)}
              onBlur={() => form.leave('name')}
            />
          )}
        </Field>
        <Field label={t('member.role')} message={form.messages.role}>
          {(p) => (
            <select {...p} value={v.role} onChange={(e) => form.set('role', e.target.value)}>
              {memberRoles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(lang, r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('member.school')} message={form.messages.schoolId}>
          {(p) => (
            <select {...p} value={v.schoolId} onChange={(e) => form.set('schoolId', e.target.value)}>
              <option value="">{t('member.noSchool')}</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`${t('member.phone')} ${t('edit.optional')}`} message={form.messages.phone}>
          {(p) => (
            <input
              {...p}
              type="tel"
              inputMode="tel"
              value={v.phone}
              onChange={(e) => form.set('phone', e.target.value)}
              onBlur={() => form.leave('phone')}
            />
          )}
        </Field>
        <Field label={t('member.gender')}>
          {(p) => (
            <select {...p} value={v.gender} onChange={(e) => form.set('gender', e.target.value)}>
              <option value="">{t('member.gender.none')}</option>
              <option value="f">{t('member.gender.f')}</option>
              <option value="m">{t('member.gender.m')}</option>
            </select>
          )}
        </Field>
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
