/**
 * `--help` text. The analysis commands and their flags, the presets, tasks, networks, strategies, pruning
 * methods, their parameters and the GD flags come from the registries and ParamSpecs (docs/ARCHITECTURE.md convention
 * 3), transfer's flags from the table its parser reads (gd/transfer-flags.ts); the other commands and the
 * imp flags are written here by hand.
 */
import { rangeText, type ParamSpec, type ParamSpecs } from '../core/params';
import { STRATEGIES } from '../core/es/registry';
import { NETWORKS } from '../core/nets/registry';
import { TASKS } from '../core/tasks/registry';
import { PRUNE_METHODS } from '../core/prune/registry';
import { PRESETS } from '../core/runs/presets';
import { ANALYSIS_LIST } from '../core/analysis/analyses';
import { analysisHelpLines } from './analysis';
import { esOnlyFlagsHelp, gdFlagsHelp } from './gd/gd-flags';
import { transferFlagsHelp } from './gd/transfer-flags';
import { SWEEP_SUBCOMMANDS } from './sweep/sweep-command';

function describeSpec(name: string, s: ParamSpec): string {
  return `      ${name} = ${String(s.default)}  ${rangeText(s)}  — ${s.label}`;
}

function describeSpecs(specs: ParamSpecs): string[] {
  return Object.entries(specs).map(([k, s]) => describeSpec(k, s));
}

/** Help lines of at most HELP_WIDTH characters holding the words of `text`, each line after `indent`. */
function wrapped(text: string, indent: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= HELP_WIDTH) lines[last] += ` ${word}`;
    else lines.push(indent + word);
  }
  return lines;
}

/** The longest line wrapped() makes: about as long as the hand-written lines of the help. */
const HELP_WIDTH = 100;

/** A part of the help and the commands it is about. */
interface HelpSection {
  readonly commands: readonly string[];
  readonly lines: readonly string[];
}

const TRAINING = ['imp', 'gd', 'transfer'];
const SWEEP_USAGE = `sweep ${Object.keys(SWEEP_SUBCOMMANDS).join('|')} FILE|DIR`;

/** Each command's entry in the command list, by command. */
function commandEntries(): [string, string[]][] {
  return [
    ['imp', ['  imp          run ES-IMP pruning rounds and write a run folder']],
    ['gd', ['  gd           run GD-IMP (masked Adam/SGD) rounds with the same run-folder output']],
    ['transfer', ['  transfer     train tickets of a run folder on another task / ES / GD, with baselines']],
    ...ANALYSIS_LIST.map((a): [string, string[]] => [
      a.id,
      [`  ${a.id.padEnd(12)} ${a.label} (see "Analysis commands" below)`],
    ]),
    ['merge', ['  merge        combine run folders that differ only in seeds (--runs DIR,DIR --out DIR)']],
    [
      'bundle',
      [
        '  bundle       write a run folder as a precomputed run bundle (--run DIR --out FILE.json[.gz] [--preset ID] [--seeds S] [--label TEXT] [--curves-only: metrics without masks or weights]',
        '               [--force: replace an existing FILE]; never writes inside a run folder)',
      ],
    ],
    [
      'tour-evidence',
      [
        "  tour-evidence  the paper tour's analysis file from tables lmc/landscape/transfer already wrote",
        '               (--recipe FILE.json --out FILE.json; docs/RESULTS.md has the recipe it was made with)',
      ],
    ],
    [
      'summarize',
      [
        '  summarize    sparsity tables over run folders of one experiment, pooled as seeds (--runs DIR,DIR --baseline random_reinit',
        '               [--raw] accuracy as the fraction rounds.csv holds (returns are shown as they are either way),',
        '               [--decompose] splits the ticket effect into weights, mask and layer-ratio parts,',
        '               [--out FILE.md [--force]] also writes the tables to a new file)',
      ],
    ],
    [
      'sweep',
      [
        '  sweep        many runs from a sweep file (YAML/JSON: base preset/config, axes over config paths, seeds;',
        '               docs/SWEEPS.md), on this machine or as a Slurm job array:',
        ...Object.values(SWEEP_SUBCOMMANDS).flatMap((c) => [
          `    sweep ${c.usage}`,
          ...[c.summary, ...(c.details ?? [])].map((line) => `        ${line}`),
        ]),
      ],
    ],
  ];
}

/**
 * The flag that picks a task or an ES for the help of `command`: transfer picks its target with --to-task
 * and --to-es, the other commands with --task and --es; the whole help (undefined) names both.
 */
function pickFlag(command: string | undefined, flag: 'task' | 'es'): string {
  if (command === 'transfer') return `--to-${flag}`;
  return command === undefined ? `--${flag}; transfer: --to-${flag}` : `--${flag}`;
}

/**
 * The parts of the help after the command list, in the order `lab --help` shows them; `command`: the one
 * command whose help this is (undefined: the whole help). A part that refers to another ("the imp flags
 * above") is worded for the parts `command`'s help shows, so each command's help stands on its own.
 */
function sections(command?: string): HelpSection[] {
  return [
    {
      commands: ['imp', 'gd'],
      lines: [
        'imp flags:',
        '  --preset NAME        start from a preset (flags below override it)',
        '  --task ID  --net ID  --es ID  --prune ID[,ID…]',
        '  --rounds N (1–40)  --prune-frac P (0.01–0.9, default 0.2)  --scope global|layerwise',
        '  --gens G  --eval-every N  --popsize P  --seed S | S1,S2 | A-B  --mean-decay γ',
        '  --centered-rank true|false  --sigma-mode paper|sC|true (Sep-CMA-ES σ for SNR)',
        '  --es.<param> V  --net.<param> V  --task.<param> V  --prune.<method>.<param> V',
        '  --out DIR (default runs-out/<run id>)  --backend wasm|cpu (default wasm)  --quiet',
        '  --report-every N     a generations.csv row every N generations (and the first and last; default 10)',
        '  --workers W          evaluation threads: the population is split over W threads (default: cores − 1);',
        '                       results are identical for any W',
        '  Rerunning a command on its own folder continues it from the last finished round (a finished run is',
        '  left as it is); a folder holding anything else is refused unchanged (docs/RELIABILITY.md). Ctrl-C (or',
        '  SIGTERM) stops imp, gd, transfer and sweep run at the next generation with the finished rounds kept',
        '  (exit 130 / 143).',
      ],
    },
    {
      commands: ['gd', 'transfer'],
      lines: [
        command === 'transfer' ? 'GD flags (with --to-gd):' : 'gd flags (also transfer --to-gd):',
        ...gdFlagsHelp(),
        ...(command === 'transfer'
          ? []
          : [
              '  lab gd reads the imp flags above for the task, network, pruning and seeds, and refuses those',
              '  only ES training reads:',
              ...wrapped(esOnlyFlagsHelp(), '    '),
            ]),
      ],
    },
    {
      commands: ['transfer'],
      lines: [
        'transfer flags (the tickets of --rounds of a run folder, trained on a target; --es.<param> for --to-es):',
        ...transferFlagsHelp(),
      ],
    },
    {
      commands: ['imp', 'gd'],
      lines: [
        "Presets (reduced-budget presets are NOT the paper's settings):",
        ...PRESETS.map((p) => `  ${p.id.padEnd(20)} ${p.paper ? '[paper]  ' : '[reduced]'} ${p.label}`),
      ],
    },
    {
      commands: TRAINING,
      lines: [
        `Tasks (${pickFlag(command, 'task')}):`,
        ...TASKS.flatMap((t) => [`  ${t.id.padEnd(16)} ${t.label}`, ...describeSpecs(t.paramSpecs)]),
      ],
    },
    {
      commands: ['imp', 'gd'],
      lines: [
        'Networks (--net):',
        ...NETWORKS.flatMap((n) => [`  ${n.id.padEnd(16)} ${n.label}`, ...describeSpecs(n.paramSpecs)]),
      ],
    },
    {
      commands: ['imp', 'transfer'], // gd trains with gradient descent, and refuses --es
      lines: [
        `Evolution strategies (${pickFlag(command, 'es')}), evosax 0.1.4 defaults:`,
        ...STRATEGIES.flatMap((s) => [`  ${s.id.padEnd(16)} ${s.label}`, ...describeSpecs(s.paramSpecs)]),
      ],
    },
    { commands: ANALYSIS_LIST.map((a) => a.id), lines: analysisHelpLines(command) },
    {
      commands: ['imp', 'gd'],
      lines: [
        'Pruning methods (--prune):',
        ...PRUNE_METHODS.flatMap((m) => [
          `  ${m.id.padEnd(22)} ${m.kind === 'baseline' ? '[baseline] ' : ''}${m.label}`,
          ...describeSpecs(m.paramSpecs),
        ]),
      ],
    },
  ];
}

/**
 * `--help` text: every command (`lab --help`), or one command's entry with the parts of the help it reads
 * (`lab <command> --help`; a command the list does not have gets the whole text).
 */
export function helpText(command?: string): string {
  const one = commandEntries().find(([id]) => id === command);
  const lines = [
    'ES Lottery Lab — headless CLI (same core as the browser lab; tfjs wasm backend in Node)',
    '',
    ...(one
      ? [`Usage: npm run lab -- ${one[0] === 'sweep' ? SWEEP_USAGE : one[0]} [flags]`, '', ...one[1]]
      : ['Usage: npm run lab -- <command> [flags]', '', 'Commands:', ...commandEntries().flatMap(([, l]) => l)]),
  ];
  const parts = one ? sections(one[0]).filter((p) => p.commands.includes(one[0])) : sections();
  return [...lines, ...parts.flatMap((p) => ['', ...p.lines])].join('\n');
}
