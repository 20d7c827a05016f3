import { useEffect, useState, type ReactNode } from 'react';
import type { OpOutput } from '../../shared/contract/index.ts';
import type { MailSettingsForm } from '../../shared/contract/mail.ts';
import { call } from '../api.ts';
import type { MailKey } from '../i18n/mail.ts';
import { useMailT } from '../i18n/useMailT.ts';
import { Outcome, useAction } from './SyncActions.tsx';

type State = OpOutput<'mail.settings'>;
type Security = MailSettingsForm['smtp']['security'];
const MB = 1024 * 1024;

const blank: MailSettingsForm = {
  smtp: { host: '', port: 587, security: 'starttls', user: '' },
  from: '',
  fromName: '',
  imap: null,
  allowUnencrypted: false,
  ca: '',
  attachmentLimit: 10 * MB,
};

function ServerFields(props: {
  prefix: string;
  value: MailSettingsForm['smtp'];
  onChange: (v: MailSettingsForm['smtp']) => void;
  t: ReturnType<typeof useMailT>['t'];
}) {
  const { t, value, onChange, prefix } = props;
  return (
    <div className="grid two">
      <label className="field">
        {t('mail.settings.host')}
        <input
          value={value.host}
          onChange={(e) => onChange({ ...value, host: e.target.value })}
          data-testid={`${prefix}-host`}
        />
      </label>
      <label className="field">
        {t('mail.settings.port')}
        <input
          type="number"
          min={1}
          max={65535}
          value={value.port}
          onChange={(e) => onChange({ ...value, port: Number(e.target.value) })}
          data-testid={`${prefix}-port`}
        />
      </label>
      <label className="field">
        {t('mail.settings.security')}
        <select
          value={value.security}
          onChange={(e) => onChange({ ...value, security: e.target.value as Security })}
          data-testid={`${prefix}-security`}
        >
          <option value="starttls">{t('mail.settings.starttls')}</option>
          <option value="tls">{t('mail.settings.tls')}</option>
          <option value="none">{t('mail.settings.none')}</option>
        </select>
      </label>
      <label className="field">
        {t('mail.settings.user')}
        <input
          value={value.user}
          onChange={(e) => onChange({ ...value, user: e.target.value })}
          autoComplete="username"
          data-testid={`${prefix}-user`}
        />
      </label>
    </div>
  );
}

/** A connection test that failed: its answer, shown as an error. */
export class TestFailed extends Error {
  readonly content: ReactNode;
  constructor(content: ReactNode) {
    super('the answer is not a success');
    this.content = content;
  }
}

/** Mail settings with "Test the connection", which names what failed. */
export function MailSettings({ state, onSaved }: { state: State | undefined; onSaved: () => void }) {
  const { t } = useMailT();
  const [form, setForm] = useState<MailSettingsForm>(state?.settings ?? blank);
  const [smtpPassword, setSmtpPassword] = useState('');
  const [imapPassword, setImapPassword] = useState('');
  useEffect(() => {
    if (state?.settings) setForm(state.settings);
  }, [state?.settings]);
  const action = useAction(onSaved);
  const unencrypted = form.smtp.security === 'none' || form.imap?.security === 'none';
  const passwords = { ...(smtpPassword ? { smtpPassword } : {}), ...(imapPassword ? { imapPassword } : {}) };
  const save = () =>
    action.run(async () => {
      await call('mail.saveSettings', { settings: form, ...passwords });
      return t('mail.settings.saved');
    });
  const test = () =>
    action.run(async () => {
      await call('mail.saveSettings', { settings: form, ...passwords });
      const r = await call('mail.test', passwords);
      const line = (what: string, ok: boolean, okText: string, f: { kind: string; detail: string } | null) =>
        ok
          ? okText
          : t('mail.settings.testFailed', {
              what,
              reason: t(`mail.failure.${f!.kind}` as MailKey),
              detail: f!.detail,
            });
      const lines = [line(t('mail.settings.sending'), r.smtp.ok, t('mail.settings.testOk'), r.smtp.failure)];
      if (r.imap)
        lines.push(
          line(t('mail.settings.fetching'), r.imap.ok, t('mail.settings.testImapOk'), r.imap.failure),
        );
      const text = (
        <div data-testid="mail-test-result">
          {lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      );
      // Any failure shows the whole answer as an error, so it is not taken for a success.
      if (!r.smtp.ok || (r.imap && !r.imap.ok)) throw new TestFailed(text);
      return text;
    });
  const kept = (ready: boolean | undefined) =>
    ready && state?.settings ? t('mail.settings.passwordKept') : t('mail.settings.password');
  return (
    <div data-testid="mail-settings">
      <p className="muted">{t('mail.settings.help')}</p>
      <h3>{t('mail.settings.smtp')}</h3>
      <ServerFields prefix="smtp" value={form.smtp} onChange={(smtp) => setForm({ ...form, smtp })} t={t} />
      <div className="grid two">
        <label className="field">
          {kept(state?.smtpPasswordReady)}
          <input
            type="password"
            value={smtpPassword}
            onChange={(e) => setSmtpPassword(e.target.value)}
            autoComplete="current-password"
            data-testid="smtp-password"
          />
        </label>
        <label className="field">
          {t('mail.settings.from')}
          <input
            type="email"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            data-testid="mail-from"
          />
        </label>
        <label className="field">
          {t('mail.settings.fromName')}
          <input
            value={form.fromName}
            onChange={(e) => setForm({ ...form, fromName: e.target.value })}
            data-testid="mail-from-name"
          />
        </label>
        <label className="field">
          {t('mail.settings.limit')}
          <input
            type="number"
            min={0.1}
            step={0.1}
            value={Math.round((form.attachmentLimit / MB) * 10) / 10}
            onChange={(e) => setForm({ ...form, attachmentLimit: Math.round(Number(e.target.value) * MB) })}
            aria-describedby="mail-limit-help"
            data-testid="mail-limit"
          />
          <span className="muted small" id="mail-limit-help">
            {t('mail.settings.limitHelp')}
          </span>
        </label>
      </div>
      <p className="muted small">
        {state?.keepsPasswords ? t('mail.settings.passwordSealed') : t('mail.settings.passwordMemory')}
      </p>
      <h3>{t('mail.settings.imap')}</h3>
      <label className="check">
        <input
          type="checkbox"
          checked={form.imap !== null}
          onChange={(e) =>
            setForm({
              ...form,
              imap: e.target.checked
                ? { host: form.smtp.host, port: 993, security: 'tls', user: form.smtp.user, folder: 'INBOX' }
                : null,
            })
          }
          data-testid="mail-use-imap"
        />{' '}
        {t('mail.settings.useImap')}
      </label>
      {form.imap && (
        <>
          <ServerFields
            prefix="imap"
            value={form.imap}
            onChange={(v) => setForm({ ...form, imap: { ...form.imap!, ...v } })}
            t={t}
          />
          <div className="grid two">
            <label className="field">
              {kept(state?.imapPasswordReady)}
              <input
                type="password"
                value={imapPassword}
                onChange={(e) => setImapPassword(e.target.value)}
                autoComplete="current-password"
                data-testid="imap-password"
              />
            </label>
            <label className="field">
              {t('mail.settings.folder')}
              <input
                value={form.imap.folder}
                onChange={(e) => setForm({ ...form, imap: { ...form.imap!, folder: e.target.value } })}
                data-testid="imap-folder"
              />
            </label>
          </div>
        </>
      )}
      {unencrypted && (
        <div className="error-box" role="alert">
          <p>{t('mail.settings.noneWarning')}</p>
          <label className="check">
            <input
              type="checkbox"
              checked={form.allowUnencrypted}
              onChange={(e) => setForm({ ...form, allowUnencrypted: e.target.checked })}
              data-testid="mail-allow-unencrypted"
            />{' '}
            {t('mail.settings.allowUnencrypted')}
          </label>
        </div>
      )}
      <label className="field">
        {t('mail.settings.ca')}
        <textarea
          rows={3}
          value={form.ca}
          onChange={(e) => setForm({ ...form, ca: e.target.value })}
          data-testid="mail-ca"
        />
      </label>
      <div className="searchbar">
        <button
          className="button primary"
          disabled={action.busy}
          onClick={() => void save()}
          data-testid="mail-save"
        >
          {t('mail.settings.save')}
        </button>
        <button className="button" disabled={action.busy} onClick={() => void test()} data-testid="mail-test">
          {t('mail.settings.test')}
        </button>
      </div>
      <Outcome action={action} />
    </div>
  );
}
