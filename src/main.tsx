import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { registerOffline } from './ui/offline/register';
import { keepDraftAcrossReloads } from './state/draft-storage';
import './ui/styles.css';

// Before the first render: the kept settings load first, and a link's settings (applied by App) replace them.
keepDraftAcrossReloads();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerOffline();
