/**
 * Task registry (STYLE.md convention 3): every task the lab can run, vision and control, in one list
 * that the UI, CLI, config schema and parametrised tests iterate.
 */
import type { TaskDef } from './types';
import { DATASETS } from './vision/datasets';
import { visionTaskDef } from './vision/vision-task';
// ── control tasks: import them here ─────────────────────────────────────────────────────────────────
// (the control tasks' module adds one import line here and spreads its list into TASKS below)
// ────────────────────────────────────────────────────────────────────────────────────────────────────

export const TASKS: readonly TaskDef[] = [
  ...DATASETS.map(visionTaskDef),
  // ── control tasks: spread the control list here ──
];

/** Looks a task up by id; throws listing the known ids. */
export function getTask(id: string): TaskDef {
  const t = TASKS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown task "${id}" (known: ${TASKS.map((x) => x.id).join(', ')})`);
  return t;
}
