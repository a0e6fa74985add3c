/**
 * The question Cancel asks before it stops a run (cancel-text.ts says what is kept and what is lost). It
 * closes by itself when the run ends while it is open: then there is nothing left to cancel.
 */
import { useEffect } from 'react';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { ConfirmDialog } from '../a11y/ConfirmDialog';
import { cancelImp } from '../run/imp-client';
import { cancelText } from './cancel-text';

export function CancelRunDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const finished = useImpStore((s) => s.records.length);
  const paused = useImpStore((s) => s.status === 'paused');
  const active = useImpStore(selectImpActive);
  useEffect(() => {
    if (open && !active) onClose();
  }, [open, active, onClose]);
  const t = cancelText(finished, paused);
  return (
    <ConfirmDialog
      open={open && active}
      title={t.title}
      confirmLabel={t.confirm}
      keepLabel={t.keep}
      testId="cancel-run-dialog"
      onKeep={onClose}
      onConfirm={() => {
        onClose();
        void cancelImp();
      }}
    >
      <p>{t.kept}</p>
      <p>{t.lost}</p>
      <p className="muted small">{t.instead}</p>
    </ConfirmDialog>
  );
}
