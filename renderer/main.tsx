import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { UndoProvider } from './components/UndoToast.tsx';
import { I18nProvider } from './i18n/index.tsx';
import './editing.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <UndoProvider>
        <App />
      </UndoProvider>
    </I18nProvider>
  </StrictMode>,
);
