/**
 * "Skip to the lab" (WCAG 2.4.1 bypass blocks): the first thing Tab reaches, visible only when focused.
 * It moves focus to the element with id `target` (made focusable by script if it is not), so the next Tab lands on the
 * view's first control (the experiment's Start button, the demo's function picker) instead of walking the
 * header and the settings. Done in script rather than by the URL fragment so the address keeps its
 * share-link query untouched.
 */
export function SkipLink({ target, label = 'Skip to the lab' }: { target: string; label?: string }) {
  return (
    <a
      className="skip-link"
      href={`#${target}`}
      onClick={(e) => {
        const el = document.getElementById(target);
        if (!el) return;
        e.preventDefault();
        if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1'); // focusable by script only
        el.focus({ preventScroll: true });
        el.scrollIntoView({ block: 'start' });
      }}
    >
      {label}
    </a>
  );
}
