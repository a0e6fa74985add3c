/**
 * A word with its glossary explanation one click (or Enter) away: the word itself is a button, so its
 * accessible name is the visible word; pressing it shows the explanation below it in a polite status
 * region (screen readers read it out), and Escape, a second press or a click elsewhere closes it
 * (the "toggletip" pattern). Works inside labels, headings and paragraphs.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { GLOSSARY, type GlossaryId } from './glossary';

export function Term({ id, children }: { id: GlossaryId; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const entry = GLOSSARY[id];
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);
  return (
    <span className="term" ref={root}>
      <button
        ref={button}
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={tipId}
        onClick={(e) => {
          e.preventDefault(); // inside a <label>: do not also toggle the labelled control
          setOpen((o) => !o);
        }}
      >
        {children ?? entry.term}
      </button>
      <span id={tipId} role="status" className="term-region">
        {open ? (
          <span className="term-tip">
            <strong>{entry.term}.</strong> {entry.text}
          </span>
        ) : null}
      </span>
    </span>
  );
}
