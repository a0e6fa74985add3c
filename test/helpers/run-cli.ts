/** Runs the lab CLI in this process (src/cli/main.ts) and captures what it writes to stdout and stderr. */
import { vi } from 'vitest';
import { main } from '../../src/cli/main';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(argv: string[]): Promise<CliResult> {
  let out = '',
    err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
