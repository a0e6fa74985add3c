/**
 * The shared frame of every e2e file: one browser + preview-server session per file (helpers.ts
 * openE2eSession), opened before the file's tests and closed after them, and the rule that a file
 * fails if any of its pages logged an error, crashed or threw. Construct at module level; call
 * `hooks()` inside the file's `describe` (so `describe.skipIf(E2E=0)` skips the browser too).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { instrumentedPage, openE2eSession, type E2eSession } from './helpers';

export class E2eFile {
  /** Page errors, crashes and console errors of every page this file opened (helpers.instrumentedPage). */
  readonly pageErrors: string[] = [];
  private current: E2eSession | undefined;

  constructor(private readonly label: string) {}

  /** Registers the session's beforeAll/afterAll in the enclosing describe. */
  hooks(): void {
    beforeAll(async () => {
      this.current = await openE2eSession();
    });
    afterAll(async () => {
      await this.current?.close();
      if (this.pageErrors.length) console.log(`[e2e ${this.label}] page errors:`, this.pageErrors);
      expect(this.pageErrors).toEqual([]);
    });
  }

  get session(): E2eSession {
    if (!this.current) throw new Error(`e2e ${this.label}: no session (call hooks() inside the describe)`);
    return this.current;
  }

  /** The app's URL, with `query` (no leading '?') when given. */
  url(query = ''): string {
    return query ? `${this.session.server.url}?${query}` : this.session.server.url;
  }

  /** A new instrumented page (long tasks recorded, errors collected into `pageErrors`). */
  page(viewport: { width: number; height: number }, timeoutMs: number): Promise<Page> {
    return instrumentedPage(this.session.browser, viewport, timeoutMs, this.pageErrors);
  }
}
