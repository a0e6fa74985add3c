/**
 * Entry point of the headless lab: `npm run lab -- <command> [flags]`. Exit codes: 0 ok, 1 runtime
 * failure, 2 invalid usage (one clear line per bad flag on stderr), 130 / 143 a run stopped by Ctrl-C /
 * SIGTERM (interrupt.ts: it can be continued).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgv, CliError, strayWordError } from './args';
import { InterruptedError, listenForParentStop } from './interrupt';
import { REPO_ROOT } from './repo-root';
import { helpText } from './help';
import { impCommand } from './imp-command';
import { gdCommand } from './gd/gd-command';
import { transferCommand } from './gd/transfer-command';
import { ANALYSIS_COMMANDS } from './analysis';
import { summarizeCommand } from './summarize-command';
import { mergeCommand } from './merge-command';
import { bundleCommand } from './bundle-command';
import { sweepCommand } from './sweep/sweep-command';
import { tourEvidenceCommand } from './tour-evidence-command';

type Command = (flags: Map<string, string>, argv: readonly string[], positionals: readonly string[]) => Promise<void>;

/** Commands that take words after their name (`sweep plan FILE`); the others take flags only. */
const TAKES_POSITIONALS = new Set(['sweep']);

/** Subcommands; each validates its own flags and writes CSV/JSON into a run folder. */
export const COMMANDS: Record<string, Command> = {
  imp: impCommand,
  gd: gdCommand,
  transfer: transferCommand,
  ...ANALYSIS_COMMANDS, // lmc, landscape, correlation, weights, … (the core analysis registry)
  summarize: summarizeCommand,
  merge: mergeCommand,
  bundle: bundleCommand,
  sweep: sweepCommand,
  'tour-evidence': tourEvidenceCommand,
};

/** "es-lottery-lab 0.1.0", from the checkout's package.json (the one the CLI runs from). */
function versionText(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name?: string; version?: string };
  return `${pkg.name ?? 'es-lottery-lab'} ${pkg.version ?? '(no version in package.json)'}`;
}

/**
 * Flags without a command. A flag before the command takes the next word as its value, the command's name
 * included (`--bogus imp`: "imp" is --bogus's value), which used to print the whole help without a word
 * of what was wrong.
 */
function noCommandError(flags: Map<string, string>): CliError {
  const swallowed = [...flags].find(([, value]) => Object.hasOwn(COMMANDS, value));
  if (swallowed)
    return new CliError(
      `no command: "${swallowed[1]}" was read as the value of --${swallowed[0]}; give the command first ` +
        `(npm run lab -- ${swallowed[1]} --${swallowed[0]} …)`,
    );
  const given = [...flags.keys()].map((f) => `--${f}`).join(' ');
  return new CliError(`no command given, only ${given} (commands: ${Object.keys(COMMANDS).join(', ')}; see --help)`);
}

export async function main(argv: readonly string[]): Promise<number> {
  listenForParentStop(); // a run process of `lab sweep run --jobs` (interrupt.ts)
  try {
    const args = parseArgv(argv);
    // A misspelt command is named even with --help (which would print the whole help without a word).
    if (args.command && !Object.hasOwn(COMMANDS, args.command))
      throw new CliError(
        `unknown command "${args.command}" (commands: ${Object.keys(COMMANDS).join(', ')}; see --help)`,
      );
    // --help and --version answer before anything else is checked, with or without a command.
    if (!args.help && args.flags.has('version')) {
      process.stdout.write(versionText() + '\n');
      return 0;
    }
    if (!args.help && !args.command && args.flags.size) throw noCommandError(args.flags);
    if (args.help || !args.command) {
      process.stdout.write(helpText(args.command) + '\n');
      return args.command || args.help ? 0 : 2;
    }
    const cmd = COMMANDS[args.command];
    // Before the command reads any flag, so no work is done and a stray word is named as an unknown flag is.
    if (args.positionals.length && !TAKES_POSITIONALS.has(args.command)) throw strayWordError(args);
    await cmd(args.flags, argv, args.positionals);
    return 0;
  } catch (e) {
    // A run stopped by a signal is not an error: one line on how far it got (after the progress line).
    if (e instanceof InterruptedError) {
      process.stderr.write(`\n${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof CliError) {
      process.stderr.write(`error: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 1;
  }
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isEntry) main(process.argv.slice(2)).then((code) => process.exit(code));
