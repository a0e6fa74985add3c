/**
 * A yes / no question before an action that loses work, as a modal <dialog>: the browser keeps keyboard
 * focus inside it, Escape closes it (as "keep"), and on close focus goes back to the button that opened
 * it. It opens with focus on the safe choice, so pressing Enter twice on the button that asked never
 * destroys anything. Title and text are the dialog's accessible name and description.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  /** The action that loses work (e.g. "Cancel the run"). */
  readonly confirmLabel: string;
  /** The safe choice, focused first (e.g. "Keep running"). */
  readonly keepLabel: string;
  readonly onConfirm: () => void;
  /** Called on the safe choice, on Escape and whenever the dialog closes without confirming. */
  readonly onKeep: () => void;
  readonly testId?: string;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  keepLabel,
  onConfirm,
  onKeep,
  testId,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      keep.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-d`}
      data-testid={testId}
      // Escape (the browser's "cancel") and any other close: the parent learns the dialog is shut
      onClose={() => {
        if (open) onKeep();
      }}
    >
      <h2 id={`${id}-t`}>{title}</h2>
      <div id={`${id}-d`}>{children}</div>
      <div className="button-row">
        <button type="button" ref={keep} onClick={onKeep}>
          {keepLabel}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
