/**
 * What an input check says when it refuses, as lines a test compares: the config schema's issues
 * (`path: message`) and the lines of a sweep file's refusal (without its "… is not a valid sweep" head).
 * Both throw 'accepted' when the input passes, so a test that expects a refusal fails loudly.
 */
import { ConfigError, parseConfig } from '../../src/core/runs/config';
import { loadSweepContent } from '../../src/cli/sweep/read-sweep';
import { CliError } from '../../src/cli/args';

/** parseConfig's issues for `input`, each as "path: message". */
export function configIssues(input: unknown): string[] {
  try {
    parseConfig(input);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  throw new Error('accepted');
}

/** The lines of the CliError a sweep file's content gives; `stored`: read as a file the lab wrote. */
export function sweepRefusal(content: unknown, opts: { readonly stored?: boolean } = {}): string[] {
  try {
    loadSweepContent(content, 'sweep.yaml', opts);
  } catch (e) {
    if (e instanceof CliError)
      return e.message
        .split('\n')
        .slice(1)
        .map((l) => l.trim());
    throw e;
  }
  throw new Error('accepted');
}
