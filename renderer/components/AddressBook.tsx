import { useState } from 'react';
import type { OpOutput } from '../../shared/contract/index.ts';
import { addressProblems, type AddressFields } from '../../shared/mail/addressChecks.ts';
import type { AddressKind } from '../../shared/mail/settings.ts';
import { call, useOp } from '../api.ts';
import type { MailKey } from '../i18n/mail.ts';
import { useMailT } from '../i18n/useMailT.ts';
import { Field } from './editing/Field.tsx';
import { useForm } from './editing/useForm.ts';
import { useUndo } from './UndoToast.tsx';

type Address = OpOutput<'mail.addresses'>[number];
type Device = OpOutput<'sync.devices'>[number];

const KINDS: AddressKind[] = ['laptop', 'coach', 'official'];
const blank: AddressFields = { kind: 'laptop', name: '', email: '', deviceId: '' };

/**
 * The address book: laptops (a device and its coach, so a bundle is made for what that laptop
 * holds), coaches, and officials who get reports. Add, edit, remove (with Undo). Each field's
 * problem shows beside it as the coach types (shared/mail/addressChecks.ts); the service
 * refuses the same.
 */
export function AddressBook({ devices, selfDevice }: { devices: Device[]; selfDevice: string }) {
  const { t } = useMailT();
  const book = useOp('mail.addresses', {});
  const { offer } = useUndo();
  const [editing, setEditing] = useState<Address | null>(null);
  const addresses = book.data ?? [];
  const peers = devices.filter((d) => !d.self);
  const deviceName = (id: string | null) => {
    const d = peers.find((p) => p.deviceId === id);
    return d ? d.name || d.deviceId.slice(0, 8) : (id ?? '');
  };

  const remove = (a: Address) =>
    void call('mail.removeAddress', { id: a.id }).then(() => {
      if (editing?.id === a.id) setEditing(null);
      book.reload();
      offer({
        message: t('mail.book.removed', { who: a.name || a.email }),
        undo: () =>
          call('mail.saveAddress', { kind: a.kind, name: a.name, email: a.email, deviceId: a.deviceId }),
        onUndone: book.reload,
      });
    });

  return (
    <div data-testid="address-book">
      <p className="muted">{t('mail.book.help')}</p>
      {addresses.length === 0 ? (
        <p className="muted">{t('mail.book.empty')}</p>
      ) : (
        <table className="data" data-testid="address-list">
          <thead>
            <tr>
              <th>{t('mail.book.kind')}</th>
              <th>{t('mail.book.name')}</th>
              <th>{t('mail.book.email')}</th>
              <th>{t('mail.book.laptop')}</th>
              <th>{t('mail.outbox.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {addresses.map((a) => (
              <tr key={a.id} data-testid="address-row">
                <td>{t(`mail.book.kind.${a.kind}` as MailKey)}</td>
                <td>{a.name}</td>
                <td>{a.email}</td>
                <td>{a.kind === 'laptop' ? deviceName(a.deviceId) : ''}</td>
                <td>
                  <div className="row-actions">
                    <button
                      className="button"
                      type="button"
                      onClick={() => setEditing(a)}
                      aria-label={t('mail.book.editNamed', { who: a.name || a.email })}
                    >
                      {t('mail.book.edit')}
                    </button>
                    <button
                      className="button danger"
                      type="button"
                      onClick={() => remove(a)}
                      aria-label={t('mail.book.removeNamed', { who: a.name || a.email })}
                    >
                      {t('mail.book.remove')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddressForm
        key={editing?.id ?? 'new'}
        editing={editing}
        others={addresses.filter((a) => a.id !== editing?.id)}
        peers={peers}
        selfDevice={selfDevice}
        onSaved={() => {
          setEditing(null);
          book.reload();
        }}
        onCancel={() => setEditing(null)}
      />
    </div>
  );
}

function AddressForm({
  editing,
  others,
  peers,
  selfDevice,
  onSaved,
  onCancel,
}: {
  editing: Address | null;
  others: Address[];
  peers: Device[];
  selfDevice: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useMailT();
  const form = useForm<{ kind: string; name: string; email: string; deviceId: string }>(
    editing
      ? { kind: editing.kind, name: editing.name, email: editing.email, deviceId: editing.deviceId ?? '' }
      : blank,
    (v) => addressProblems(v, others, selfDevice),
  );
  const v = form.values;
  return (
    <form
      // Our checks word the problem beside the field, in the coach's language; not the browser's bubble.
      noValidate
      className="form-grid"
      aria-label={
        editing ? t('mail.book.editNamed', { who: editing.name || editing.email }) : t('mail.book.add')
      }
      data-testid="address-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit((values) =>
            call('mail.saveAddress', {
              ...(editing ? { id: editing.id } : {}),
              kind: values.kind as AddressKind,
              name: values.name.trim(),
              email: values.email.trim(),
              deviceId: values.kind === 'laptop' ? values.deviceId : null,
            }),
          )
          .then((ok) => {
            if (!ok) return;
            form.reset(blank);
            onSaved();
          });
      }}
    >
      <h3 className="wide">{editing ? t('mail.book.editing') : t('mail.book.add')}</h3>
      <Field label={t('mail.book.kind')} message={form.messages.kind}>
        {(p) => (
          <select
            {...p}
            value={v.kind}
            onChange={(e) => form.set('kind', e.target.value)}
            data-testid="address-kind"
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`mail.book.kind.${k}` as MailKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {v.kind === 'laptop' && (
        <Field
          label={t('mail.book.laptop')}
          message={form.messages.deviceId}
          hint={t('mail.book.laptopHint')}
        >
          {(p) => (
            <select
              {...p}
              value={v.deviceId}
              onChange={(e) => form.set('deviceId', e.target.value)}
              onBlur={() => form.leave('deviceId')}
              data-testid="address-device"
            >
              <option value="">—</option>
              {peers.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.name || d.deviceId}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        label={t('mail.book.name')}
        message={form.messages.name}
        hint={t(`mail.book.nameHint.${v.kind}` as MailKey)}
      >
        {(p) => (
          <input
            {...p}
            type="text"
            value={v.name}
            onChange={(e) => form.set('name', e.target.value)}
            onBlur={() => form.leave('name')}
            data-testid="address-name"
          />
        )}
      </Field>
      <Field label={t('mail.book.email')} message={form.messages.email}>
        {(p) => (
          <input
            {...p}
            type="email"
            value={v.email}
            onChange={(e) => form.set('email', e.target.value)}
            onBlur={() => form.leave('email')}
            data-testid="address-email"
          />
        )}
      </Field>
      <div className="form-actions wide">
        {form.formMessage && (
          <p className="field-message" role="alert">
            {form.formMessage}
          </p>
        )}
        <button className="button primary" type="submit" disabled={form.busy} data-testid="address-save">
          {editing ? t('mail.book.saveChanges') : t('mail.book.addButton')}
        </button>
        {editing && (
          <button className="button" type="button" onClick={onCancel}>
            {t('mail.book.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
