/** A single-line progress bar with ETA on stderr (no dependency; redrawn at most 10×/s). */
export class ProgressLine {
  private readonly t0 = Date.now();
  private lastDraw = 0;
  constructor(
    private readonly total: number,
    private readonly quiet = false,
  ) {}

  update(done: number, label: string): void {
    if (this.quiet) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && done < this.total) return;
    this.lastDraw = now;
    const frac = Math.min(1, done / Math.max(1, this.total));
    const elapsed = (now - this.t0) / 1000;
    const eta = frac > 0 ? (elapsed * (1 - frac)) / frac : NaN;
    const bar = '█'.repeat(Math.round(frac * 24)).padEnd(24, '░');
    process.stderr.write(
      `\r${bar} ${(100 * frac).toFixed(1).padStart(5)}%  ${fmt(elapsed)} elapsed, ETA ${fmt(eta)}  ${label}`.padEnd(
        110,
      ),
    );
  }

  done(): void {
    if (!this.quiet) process.stderr.write(`\rdone in ${fmt((Date.now() - this.t0) / 1000)}`.padEnd(110) + '\n');
  }
}

function fmt(s: number): string {
  if (!Number.isFinite(s)) return '--';
  const m = Math.floor(s / 60),
    r = Math.round(s % 60);
  return m ? `${m}m${String(r).padStart(2, '0')}s` : `${r}s`;
}
