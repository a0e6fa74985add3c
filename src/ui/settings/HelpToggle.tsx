/** A "?" button that shows a field's help text below it (keyboard-operable, aria-linked). */
import { useViewStore } from '../../state/view-store';

export function HelpToggle({ helpKey, label }: { helpKey: string; label: string }) {
  const open = useViewStore((s) => s.openHelp === helpKey);
  const toggle = useViewStore((s) => s.toggleHelp);
  return (
    <button
      type="button"
      className="help-toggle"
      aria-expanded={open}
      aria-controls={`help-${helpKey}`}
      aria-label={`Help: ${label}`}
      onClick={() => toggle(helpKey)}
    >
      ?
    </button>
  );
}

/** The help paragraph controlled by `HelpToggle`; always in the DOM for aria-describedby. */
export function HelpText({ helpKey, text }: { helpKey: string; text: string }) {
  const open = useViewStore((s) => s.openHelp === helpKey);
  return (
    <p id={`help-${helpKey}`} className="help-text" hidden={!open}>
      {text}
    </p>
  );
}
