// A forced backend that does not start (src/state/backend-store.ts selectBackendFallback): the header says
// which one was asked for and which one runs instead, in view under the badge (src/ui/BackendBadge.tsx),
// not only inside its closed disclosure.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BACKEND_DEFAULT, selectBackendFallback, type BackendState } from '../../../src/state/backend-store';
import type { BackendPref } from '../../../src/protocol/worker-protocol';
import { BackendFallbackNotice } from '../../../src/ui/BackendBadge';

const reported = (pref: BackendPref, active: string): BackendState => ({
  ...BACKEND_DEFAULT,
  backendStatus: 'ready',
  backend: { pref, active, attempts: [] },
});

describe('a forced backend that is not available', () => {
  it('is named with the backend used instead', () => {
    expect(selectBackendFallback(reported('webgpu', 'wasm'))).toEqual({ requested: 'webgpu', active: 'wasm' });
  });

  it('is no news under auto, when the forced one runs, or before the chain has reported', () => {
    expect(selectBackendFallback(reported('auto', 'cpu'))).toBeNull();
    expect(selectBackendFallback(reported('webgl', 'webgl'))).toBeNull();
    expect(selectBackendFallback(BACKEND_DEFAULT)).toBeNull();
  });

  it('shows a short status line a screen reader also hears', () => {
    const html = renderToStaticMarkup(
      createElement(BackendFallbackNotice, { fallback: { requested: 'webgpu', active: 'wasm' } }),
    );
    expect(html).toBe(
      '<p class="backend-fallback" role="status" data-testid="backend-fallback">' +
        'webgpu is not available here: using wasm.</p>',
    );
    expect(renderToStaticMarkup(createElement(BackendFallbackNotice, { fallback: null }))).toBe('');
  });
});
