/**
 * Escape closes a header pop-up built on <details> (the backend's and the teacher link's) and puts focus
 * back on its summary, as Escape closes a menu: a native <details> ignores Escape, and a keyboard user
 * would otherwise have to Tab back to the summary to close the panel that covers the page.
 */
import type { KeyboardEvent } from 'react';

export function closeDetailsOnEscape(e: KeyboardEvent<HTMLDetailsElement>): void {
  const details = e.currentTarget;
  if (e.key !== 'Escape' || !details.open) return;
  e.stopPropagation();
  details.open = false;
  details.querySelector('summary')?.focus();
}
