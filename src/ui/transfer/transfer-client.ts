/**
 * The UI's bridge for ticket transfer: binds LabEngine.runTransfer (workers/transfer-job.ts) to
 * the transfer store. The ticket's mask travels as a transferred copy; progress batches land in the
 * store; a dead worker or a job error ends the transfer with its message.
 */
import { proxy, transfer } from 'comlink';
import type { RoundRecord } from '../../core/experiments/events';
import type { ExperimentConfig } from '../../core/runs/config';
import { transferArgsOf, useTransferStore, type TicketChoice } from '../../state/transfer-store';
import { ensureBackend, getEngine, onWorkerStopped, watchedCall } from '../lab-client';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The ticket of `rec` in the shown run (its evals, and the run's random_reinit round for comparison). */
export function ticketFromRecord(
  rec: RoundRecord,
  records: readonly RoundRecord[],
  config: ExperimentConfig,
  runId: string | null,
): TicketChoice {
  const base = records.find((r) => r.method === 'random_reinit' && r.seed === rec.seed && r.roundNum === rec.roundNum);
  return {
    runId,
    config,
    seed: rec.seed,
    method: rec.method,
    roundNum: rec.roundNum,
    sparsityFrac: rec.sparsityFrac,
    mask: rec.mask,
    finalPerf: rec.finalPerf,
    evals: rec.evals,
    sourceBaseline: base ? { finalPerf: base.finalPerf, evals: base.evals } : null,
  };
}

/** Starts the transfer the store describes; resolves when it ends (done, cancelled or failed). */
export async function startTransfer(): Promise<void> {
  const { ticket, draft } = useTransferStore.getState();
  if (!ticket || !draft) return;
  const store = useTransferStore.getState();
  const args = transferArgsOf(ticket, draft);
  store.starting();
  const stop = onWorkerStopped((msg) => useTransferStore.getState().failed(msg));
  try {
    await ensureBackend();
    const out = await watchedCall('the transfer', async (engine) =>
      engine.runTransfer(
        transfer(args, [args.source.mask!.buffer as ArrayBuffer]),
        proxy((msg) => useTransferStore.getState().progress(msg)),
      ),
    );
    useTransferStore.getState().finished(out.status === 'done' ? out.result : null);
  } catch (err) {
    useTransferStore.getState().failed(errorText(err));
  } finally {
    stop();
  }
}

/** Cancels the transfer in flight (the engine runs one job at a time). */
export async function cancelTransfer(): Promise<void> {
  await getEngine().cancel();
}
