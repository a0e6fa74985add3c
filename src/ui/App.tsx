/**
 * Root of the ES Lottery Lab UI: header with the backend badge, the strategy registry with its
 * generated settings, and the live 2-D ES demo. The worker's backend is chosen on first mount.
 */
import { useEffect } from 'react';
import { BackendBadge } from './BackendBadge';
import { DemoPanel } from './demo/DemoPanel';
import { initBackend } from './lab-client';
import { StrategySettings } from './settings/StrategySettings';

export function App() {
  useEffect(() => { void initBackend(); }, []);
  return (
    <>
      <header className="app-header">
        <div className="title">
          <h1>ES Lottery Lab</h1>
          <p className="subtitle">Lottery tickets in evolutionary optimisation (Lange &amp; Sprekeler, ICML 2023)</p>
        </div>
        <BackendBadge />
      </header>
      <main className="layout">
        <StrategySettings />
        <DemoPanel />
      </main>
    </>
  );
}
