/**
 * Task registry (docs/ARCHITECTURE.md convention 3): every task the lab can run, vision and control, in one list
 * that the UI, CLI, config schema and parametrised tests iterate.
 */
import type { TaskDef } from './types';
import { DATASETS } from './vision/datasets';
import { visionTaskDef } from './vision/vision-task';
import { CONTROL_TASKS } from './control';
import { LOCOMOTION_TASKS } from './locomotion';

export const TASKS: readonly TaskDef[] = [...DATASETS.map(visionTaskDef), ...CONTROL_TASKS, ...LOCOMOTION_TASKS];

/** Looks a task up by id; throws listing the known ids. */
export function getTask(id: string): TaskDef {
  const t = TASKS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown task "${id}" (known: ${TASKS.map((x) => x.id).join(', ')})`);
  return t;
}
