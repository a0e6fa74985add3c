/**
 * The precomputed evidence the paper tour draws from (docs/RESULTS.md has the commands that made each
 * file): run bundles written by `lab bundle` and tour analysis files (analysis-file.ts), all under
 * public/precomputed/. A tour step names the evidence it needs by id, so pointing a step at a new run is a
 * one-line change there, and a new file is one entry here. A listed file that is not shipped yet is shown
 * as "not computed yet" by the step that needs it.
 */

export interface EvidenceSource {
  readonly id: string;
  readonly kind: 'bundle' | 'analysis';
  /** File name under public/precomputed/. */
  readonly file: string;
  /** What it is, for a student: shown under the evidence. */
  readonly title: string;
  /** A bundle made with exactly this preset's settings (up to seeds): checked on load, so a stale file is refused. */
  readonly presetId?: string;
  /** The preset whose settings the evidence used (its list of differences from the paper is shown). */
  readonly settingsOf?: string;
  /** How the evidence departs from `settingsOf` (e.g. more rounds), in a student's words. */
  readonly beyondSettings?: string;
  /** A step draws this bundle's masks (the pixel view): a curves-only bundle is refused for it. */
  readonly needsMasks?: boolean;
}

export const EVIDENCE: readonly EvidenceSource[] = [
  {
    id: 'mnist-2min',
    kind: 'bundle',
    file: 'mnist-2min.json.gz',
    title: 'the classroom preset "MNIST in ~2 minutes"',
    presetId: 'mnist-2min',
    settingsOf: 'mnist-2min',
    needsMasks: true,
  },
  {
    id: 'mnist-quick',
    kind: 'bundle',
    file: 'mnist-quick.json.gz',
    title: 'the preset "MNIST quick" (12 rounds)',
    presetId: 'mnist-quick',
    settingsOf: 'mnist-quick',
  },
  {
    id: 'pendulum-quick',
    kind: 'bundle',
    file: 'pendulum-quick.json.gz',
    title: 'the preset "Pendulum quick"',
    presetId: 'pendulum-quick',
    settingsOf: 'pendulum-quick',
  },
  {
    id: 'cartpole-reduced',
    kind: 'bundle',
    file: 'cartpole-reduced.json.gz',
    title: 'the preset "CartPole (reduced)"',
    presetId: 'cartpole-reduced',
    settingsOf: 'cartpole-reduced',
  },
  {
    id: 'mnist-claims',
    kind: 'bundle',
    file: 'mnist-quick-claims.json.gz',
    title: 'MNIST quick settings with 20 rounds and all seven pruning chains',
    settingsOf: 'mnist-quick',
    beyondSettings: '20 rounds instead of 12, and all seven pruning chains',
  },
  {
    id: 'mnist-analyses',
    kind: 'analysis',
    file: 'mnist-quick.analysis.json',
    title:
      'analyses of the MNIST quick runs with 20 rounds (connectivity, flatness, transfer, gradient descent, weights, ' +
      'size vs signal-to-noise) and the ticket effect on CartPole and Pendulum',
    settingsOf: 'mnist-quick',
  },
  {
    // the same file, for the step that compares tasks: no single preset's settings apply to it
    id: 'task-effects',
    kind: 'analysis',
    file: 'mnist-quick.analysis.json',
    title: 'the ticket effect of the MNIST, CartPole and Pendulum runs (in the analysis file)',
  },
];

/** The evidence with this id; throws naming the known ids. */
export function getEvidence(id: string): EvidenceSource {
  const e = EVIDENCE.find((x) => x.id === id);
  if (!e) throw new Error(`unknown tour evidence "${id}" (known: ${EVIDENCE.map((x) => x.id).join(', ')})`);
  return e;
}

/**
 * The full run bundle (masks and weights, a preset's) that lets a student redo a step in the lab: the step's
 * own bundle, else the bundle of the preset whose runs its analysis file was made from; null when none.
 */
export function labRunOf(evidenceIds: readonly string[]): string | null {
  const sources = evidenceIds.map(getEvidence);
  const full = (s: EvidenceSource | undefined) => (s?.kind === 'bundle' && s.presetId ? s.id : null);
  const own = sources.map(full).find((id) => id !== null);
  if (own) return own;
  const preset = sources[0]?.settingsOf;
  return preset ? full(EVIDENCE.find((e) => e.kind === 'bundle' && e.presetId === preset)) : null;
}

/** URL of an evidence file, relative to the app's base (never the internet). */
export function evidenceUrl(source: Pick<EvidenceSource, 'file'>, baseUrl: string): string {
  return `${baseUrl.replace(/\/?$/, '/')}precomputed/${source.file}`;
}
