import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import '@amsterdam/design-system-css/dist/index.css';
import '@amsterdam/design-system-tokens/dist/index.css';
// Compact Mode: the density ADS recommends for internal, information-heavy applications.
import '@amsterdam/design-system-tokens/dist/compact.css';
import './styles.css';
// The pages' stylesheets stay global (one stylesheet up front, as before code splitting): lists and
// tables on every page use classes defined there (tr-table, tr-table-scroll, tr-form, …).
import './pages/trajectories/trajectories.css';
import './components/metro/metro.css';
import './pages/monitor/monitor.css';
import { initI18n } from './i18n/index.ts';
import { SessionProvider } from './session/SessionContext.tsx';
import { AnnouncerProvider } from './components/Announcer.tsx';
import { App } from './App.tsx';

// The chosen language's texts arrive first (one chunk per language), then the app renders.
void initI18n().catch(() => undefined).then(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <AnnouncerProvider>
          <App />
        </AnnouncerProvider>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
));
