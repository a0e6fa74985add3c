/**
 * `yieldToBrowser()`: resolves after the browser had a chance to paint and handle input (the next
 * animation frame, then a macrotask), or after 50 ms where frames do not run (hidden tab). UI actions
 * that change several stores in a row (reopen a stored run, load its config, start it) await it between
 * the steps, so each step's render is its own short main-thread task instead of one long one (no long
 * task over 50 ms while a run streams).
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
