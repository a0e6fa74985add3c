/**
 * The two halves of the "different minima" claim (paper §5, Fig. 6; docs/RESULTS.md R8 and R10), each with
 * its own verdict and a sentence that says what the data show. The step's single verdict combines them, and
 * "only in part" alone would not tell a student that connectivity largely holds here while the curvature
 * result is the reverse of the paper's. Every word is chosen from the numbers passed in (analysis-sentences.ts).
 */
import type { SharpnessRow } from './analysis-file';
import { meanOf } from './run-curves';
import { combineVerdicts, type PaperVerdict, type VerdictPart } from './sentence';
import { pct } from './words';

/** ES vs gradient descent from the same start, judged pair by pair. */
export interface EsGdJudged {
  readonly verdict: PaperVerdict;
  readonly apart: number;
  readonly pairs: number;
}

/** Consecutive rounds of one ES run: mean barrier at the first and the last pair. */
export interface RoundsJudged {
  readonly verdict: PaperVerdict;
  readonly first: number;
  readonly last: number;
}

/** Sharpness of ES and GD at their first and last round, and at how many shared rounds ES is the sharper. */
export interface CurvatureJudged {
  readonly verdict: PaperVerdict;
  readonly es: { readonly first: number; readonly last: number };
  readonly gd: { readonly first: number; readonly last: number };
  readonly sharperAt: number;
  readonly shared: number;
}

const HEAD: Readonly<Record<PaperVerdict, string>> = {
  agrees: 'agrees with the paper',
  partly: 'agrees with the paper only in part',
  differs: 'differs from the paper',
};

const pctOf = (x: number) => pct(100 * x);

/** Connectivity (R8): the ES–GD pairs and the consecutive ES rounds; null when the file has neither. */
export function connectivityPart(esGd: EsGdJudged | null, rounds: RoundsJudged | null): VerdictPart | null {
  const said: string[] = [];
  if (rounds)
    said.push(
      rounds.verdict === 'agrees'
        ? `consecutive ES rounds join up as the weights are pruned (barrier ${pctOf(rounds.first)} → ${pctOf(rounds.last)}), as in the paper`
        : `consecutive ES rounds do not join up as the weights are pruned (barrier ${pctOf(rounds.first)} → ${pctOf(rounds.last)}), unlike in the paper`,
    );
  if (esGd) {
    const pairs = `${esGd.pairs} ${esGd.pairs === 1 ? 'pair' : 'pairs'} of an ES and a gradient-descent network`;
    said.push(
      esGd.verdict === 'agrees'
        ? `${esGd.pairs > 1 ? 'all ' : ''}${pairs} ${esGd.pairs === 1 ? 'is' : 'are'} separated, as in the paper`
        : esGd.apart === 0
          ? `none of the ${pairs} is separated, where the paper finds them separated`
          : `only ${esGd.apart} of the ${pairs} are separated, where the paper finds them all separated`,
    );
  }
  const verdict = combineVerdicts([rounds, esGd].flatMap((j) => (j ? [j.verdict] : [])));
  return verdict && { verdict, text: `Connectivity ${HEAD[verdict]}: ${said.join('; ')}.` };
}

/** Mean sharpness per round of `chain`. */
function byRound(rows: readonly SharpnessRow[], chain: string): Map<number, number> {
  const mine = rows.filter((r) => r.chain === chain);
  const rounds = [...new Set(mine.map((r) => r.roundNum))];
  return new Map(rounds.map((k) => [k, meanOf(mine.filter((r) => r.roundNum === k).map((r) => r.a))]));
}

/** At how many rounds measured for both chains the ES minimum is the sharper one. */
export function sharperRounds(rows: readonly SharpnessRow[], esChain: string, gdChain: string) {
  const es = byRound(rows, esChain),
    gd = byRound(rows, gdChain);
  const shared = [...es.keys()].filter((k) => gd.has(k));
  return { sharperAt: shared.filter((k) => es.get(k)! > gd.get(k)!).length, shared: shared.length };
}

const trend = (t: { first: number; last: number }) =>
  t.last > t.first ? 'get sharper' : t.last < t.first ? 'get flatter' : 'keep their sharpness';
const fromTo = (t: { first: number; last: number }) => `${t.first.toFixed(1)} → ${t.last.toFixed(1)}`;

/** Curvature (R10): how ES and GD sharpness change with pruning, and which is the sharper where both were measured. */
export function curvaturePart(c: CurvatureJudged): VerdictPart {
  // "reverse" only where the ES minima are also the sharper ones throughout: growing faster but staying flatter is not
  const reversed = c.verdict === 'differs' && c.shared > 0 && c.sharperAt === c.shared;
  const head = reversed ? 'is the reverse of the paper' : HEAD[c.verdict];
  const level = !c.shared
    ? ''
    : c.sharperAt === c.shared
      ? `, and the ES minima are sharper than gradient descent's at every sparsity measured (${c.sharperAt} of ${c.shared})`
      : c.sharperAt === 0
        ? `, and the ES minima are no sharper than gradient descent's at any sparsity measured (${c.shared})`
        : `, and the ES minima are sharper than gradient descent's at ${c.sharperAt} of ${c.shared} sparsities measured`;
  return {
    verdict: c.verdict,
    text:
      `Curvature ${head}: as the weights are pruned the ES minima ${trend(c.es)} (${fromTo(c.es)}) and ` +
      `gradient descent's ${trend(c.gd)} (${fromTo(c.gd)})${level}.`,
  };
}
