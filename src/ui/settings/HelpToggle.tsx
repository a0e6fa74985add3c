/**
 * A "?" button that shows a field's help text below it (keyboard-operable, aria-linked). Escape closes
 * the open help and returns focus to its button.
 */
import { useEffect, useRef } from 'react';
import { useViewStore } from '../../state/view-store';
import { splitProvenance } from './provenance';

export function HelpToggle({ helpKey, label }: { helpKey: string; label: string }) {
  const open = useViewStore((s) => s.openHelp === helpKey);
  const toggle = useViewStore((s) => s.toggleHelp);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      toggle(helpKey);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, toggle, helpKey]);
  return (
    <button
      ref={button}
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

/**
 * The help paragraph controlled by `HelpToggle`; always in the DOM for aria-describedby. What the setting
 * means is the paragraph; where it came from (library versions, the paper's code) a "Source" line below.
 */
export function HelpText({ helpKey, text }: { helpKey: string; text: string }) {
  const open = useViewStore((s) => s.openHelp === helpKey);
  const { meaning, provenance } = splitProvenance(text);
  return (
    <>
      <p id={`help-${helpKey}`} className="help-text" hidden={!open}>
        {meaning}
      </p>
      {open && provenance ? <p className="help-text source-note">Source: {provenance}</p> : null}
    </>
  );
}
