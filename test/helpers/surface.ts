/**
 * Bookkeeping of the property-based input-surface tests (test/unit/reliability/, docs/RELIABILITY.md):
 * every generated bad input is run through `expectRefused`, which passes only when the input was refused
 * with the surface's own error type and a message naming the field; anything else — an accepted input
 * ("silent acceptance") or another exception ("crash") — fails the property, so a green run means both
 * counts are 0. The tallies go to test-results/reliability/<surface>.json (ignored folder) for the docs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export class SurfaceTally {
  tried = 0;
  refused = 0;
  constructor(readonly surface: string) {}

  /**
   * Runs `attempt` on one bad input. It must throw an instance of `errorType` (or return a refusal message
   * string: for APIs that report instead of throwing) whose message matches `names`.
   */
  async expectRefused(
    attempt: () => unknown,
    names: RegExp | string,
    errorType: abstract new (...args: never[]) => Error = Error,
  ): Promise<string> {
    this.tried++;
    let message: string;
    try {
      const result = await attempt();
      if (typeof result !== 'string') throw new Error(`silent acceptance: the input was accepted`);
      message = result;
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('silent acceptance')) throw e;
      expect(e, `crash: ${String(e)}`).toBeInstanceOf(errorType);
      message = (e as Error).message;
    }
    if (typeof names === 'string') expect(message).toContain(names);
    else expect(message).toMatch(names);
    this.refused++;
    return message;
  }

  /** Writes the tally (call in afterAll). */
  save(): void {
    const dir = join('test-results', 'reliability');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${this.surface}.json`),
      JSON.stringify({ surface: this.surface, tried: this.tried, refused: this.refused, crashes: 0, silent: 0 }) + '\n',
    );
  }
}

/** Escapes text for use inside a RegExp. */
export const reEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
