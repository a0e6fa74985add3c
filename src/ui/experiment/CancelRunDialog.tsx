/**
 * The question Cancel asks before it stops a run (cancel-text.ts says what is kept and what is lost). It
 * closes by itself when the run ends while it is open: then there is nothing left to cancel.
 */
import { useEffect, useMemo } from 'react';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { ConfirmDialog } from '../a11y/ConfirmDialog';
import { cancelImp } from '../run/imp-client';
import { cancelText } from './cancel-text';
import { storedProgress } from '../../state/stored-progress';

/** `verb`: the word of the button that opened it (the tour's Stop asks "Stop the live run?"). */
export function CancelRunDialog({
  open,
  onClose,
  verb = 'cancel',
}: {
  open: boolean;
  onClose: () => void;
  verb?: 'cancel' | 'stop';
}) {
  // Rounds counted as the run panel counts them (every seed × method chain), not one per record.
  const config = useImpStore((s) => s.config);
  const records = useImpStore((s) => s.records);
  const kept = useMemo(
    () => ({
      roundsDone: config ? storedProgress(config, records).roundsDone : 0,
      planned: config?.prune.rounds ?? 0,
      records: records.length,
    }),
    [config, records],
  );
  const paused = useImpStore((s) => s.status === 'paused');
  const active = useImpStore(selectImpActive);
  useEffect(() => {
    if (open && !active) onClose();
  }, [open, active, onClose]);
  const t = cancelText(kept, paused, verb);
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
