import { useEffect, useState } from 'react';
import { languageNames, languages, type Lang } from '../../shared/i18n.ts';
import { call, useOp } from '../api.ts';
import { BackupsCard } from '../components/BackupsCard.tsx';
import { RegionFileLoader } from '../components/RegionFileLoader.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';

export function SettingsScreen() {
  const { t, lang, setLang } = useI18n();
  const info = useOp('app.info', {});
  const [name, setName] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => setName(info.data?.deviceName ?? ''), [info.data]);

  if (info.error) return <ErrorBox error={info.error} onRetry={info.reload} />;
  if (!info.data) return <Loading />;
  return (
    <section className="stack" style={{ maxWidth: 720 }}>
      <h1>{t('settings.title')}</h1>
      <div className="card">
        <h2>{t('settings.language')}</h2>
        <div
          className="chips"
          role="radiogroup"
          aria-label={t('settings.language')}
          onKeyDown={(e) => {
            // A radio group is one tab stop; the arrow keys choose (WAI-ARIA radio pattern).
            const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
            if (!step) return;
            e.preventDefault();
            const next = languages[(languages.indexOf(lang) + step + languages.length) % languages.length]!;
            setLang(next);
            e.currentTarget.querySelector<HTMLButtonElement>(`[data-lang="${next}"]`)?.focus();
          }}
        >
          {languages.map((l: Lang) => (
            <button
              key={l}
              className="chip"
              role="radio"
              data-lang={l}
              aria-checked={lang === l}
              tabIndex={lang === l ? 0 : -1}
              onClick={() => setLang(l)}
            >
              {languageNames[l]}
            </button>
          ))}
        </div>
      </div>
      <div className="card">
        <h2>{t('settings.device')}</h2>
        <form
          className="searchbar"
          onSubmit={(e) => {
            e.preventDefault();
            void call('app.setDeviceName', { name }).then(() => {
              setSaved(true);
              info.reload();
            });
          }}
        >
          <label className="field" style={{ flex: 1 }}>
            {t('settings.deviceName')}
            <input
              type="text"
              value={name}
              maxLength={100}
              onChange={(e) => (setName(e.target.value), setSaved(false))}
            />
          </label>
          <button
            className="button primary"
            type="submit"
            style={{ alignSelf: 'flex-end' }}
            disabled={!name.trim()}
          >
            {t('settings.save')}
          </button>
        </form>
        {saved && (
          <p className="success" role="status">
            {t('settings.saved')}
          </p>
        )}
        <p className="muted small" style={{ marginTop: '0.6rem' }}>
          {t('settings.store')}: <code>{info.data.storeFile}</code>
          <br />
          {t('settings.version', { version: info.data.version })} · {info.data.deviceId}
        </p>
      </div>
      <div className="card">
        <h2>{t('settings.loadFile')}</h2>
        <p className="muted">{t('settings.loadFileHelp')}</p>
        <RegionFileLoader onLoaded={info.reload} />
      </div>
      <BackupsCard onRestored={info.reload} />
    </section>
  );
}
