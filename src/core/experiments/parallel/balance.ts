/**
 * How many units of work (± pairs, or members) the thread that runs the ES evaluates itself, adjusted while
 * a round runs (population-parallel evaluation; a speed-up, not a paper algorithm). That thread posts the
 * generation's recipe first and only then builds the [P, d] block (which the ES `tell` needs), so with an
 * even split the workers would wait for it; how long the block takes against one unit of evaluation
 * depends on d, the network and the machine, so the share is measured rather than guessed: every few
 * generations the medians of the ES thread's time (block + own slice) and the time from the post to the
 * slowest worker's end (its request's travel included) are compared, and one unit moves towards the thread that finished first when they differ by more than
 * one unit's cost. Which thread evaluates a member never changes its score (split.ts), so the results do
 * not depend on this.
 */

/** What the split evaluator asks of a balancer: one call per generation, the new share when it changes. */
export interface ShareBalancer {
  record(leadMs: number, workerMs: number): number | null;
}

export class LeadBalancer implements ShareBalancer {
  private leadMs: number[] = [];
  private workerMs: number[] = [];

  /**
   * `lead`: the starting share; `min`..`max`: the shares allowed; `every`: generations per decision.
   */
  constructor(
    private lead: number,
    private readonly min: number,
    private readonly max: number,
    private readonly every = 8,
  ) {}

  /** The ES thread's current share, in units. */
  get units(): number {
    return this.lead;
  }

  /**
   * Records one generation: `leadMs`, the ES thread's time from posting to finishing its own slice
   * (the block included); `workerMs`, the time from the post to the slowest worker's end. Returns the new share when
   * it changes, else null.
   */
  record(leadMs: number, workerMs: number): number | null {
    if (!Number.isFinite(leadMs) || !Number.isFinite(workerMs)) return null;
    this.leadMs.push(leadMs);
    this.workerMs.push(workerMs);
    if (this.leadMs.length < this.every) return null;
    const lead = median(this.leadMs),
      worker = median(this.workerMs);
    this.leadMs = [];
    this.workerMs = [];
    const unitMs = lead / this.lead; // an upper bound (the block is in `lead`): moves only on clear gaps
    const next = lead - worker > unitMs ? this.lead - 1 : worker - lead > unitMs ? this.lead + 1 : this.lead;
    const clamped = Math.max(this.min, Math.min(this.max, next));
    if (clamped === this.lead) return null;
    this.lead = clamped;
    return clamped;
  }
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
