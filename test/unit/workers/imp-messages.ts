// Shared by the worker job tests: the rounds in a stream of IMP progress messages, their keys, and the
// resume of an interrupted run through the engine.
import type { RoundRecord } from '../../../src/core/experiments/events';
import type { ImpProgress } from '../../../src/protocol/worker-protocol';
import type { LabEngine } from '../../../workers/lab-engine';

/** A round's identity: seed/method/round. */
export const key = (r: RoundRecord): string => `${r.seed}/${r.method}/${r.roundNum}`;

/** The round records of a message stream, in order. */
export const rounds = (msgs: readonly ImpProgress[]): RoundRecord[] =>
  msgs.flatMap((m) => (m.kind === 'round' ? [m.record] : []));

/** Resumes `config` on `eng` from its stored rounds; returns the outcome and every message it streamed. */
export async function resumeRun(eng: LabEngine, config: unknown) {
  const messages: ImpProgress[] = [];
  const out = await eng.runImp(config, (m) => void messages.push(m), { resume: true });
  return { out, messages };
}
