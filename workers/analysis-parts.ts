/**
 * Task + network instances for analysis jobs (any analysis can run on any finished
 * run), built from a run's config through core/experiments/setup.ts `instantiate` — the same objects the
 * IMP job trained with — and cached by run id: a user who runs LMC, then a landscape, then a correlation
 * on one run loads its data set once. Only one run is cached (a data set can be tens of MB); switching
 * runs disposes the previous task's tensors.
 */
import { instantiate, type ExperimentParts } from '../src/core/experiments/setup';
import type { ExperimentConfig } from '../src/core/runs/config';
import { runId } from '../src/core/runs/hash';

export class AnalysisPartsCache {
  private entry: { id: string; parts: Promise<ExperimentParts> } | null = null;

  /** The task and network of `config` (instantiated on first use; a failed load is not cached). */
  get(config: ExperimentConfig, readBytes: (path: string) => Promise<Uint8Array>): Promise<ExperimentParts> {
    const id = runId(config);
    if (this.entry?.id === id) return this.entry.parts;
    this.dispose();
    const parts = instantiate(config, { readBytes });
    const entry = { id, parts };
    this.entry = entry;
    parts.catch(() => {
      if (this.entry === entry) this.entry = null;
    });
    return parts;
  }

  /** Frees the cached task's tensors (its data set). */
  dispose(): void {
    const old = this.entry;
    this.entry = null;
    void old?.parts.then(
      (p) => p.task.dispose(),
      () => undefined,
    );
  }
}
