/**
 * The names a student reads, in one place: every view, chart legend, table header and CSV header asks
 * here instead of printing a registry id (`random_reinit`, `fmnist`, `Dense_0`, `sep_cma_es`). Names come
 * from the registries' labels (one source: a new method, task or strategy is named where it is defined);
 * this module adds what the registries do not know — gradient-descent chains, layers by their role in the
 * network, LMC pair labels, run titles and table columns with their units. Pure, tested in Node.
 */
import { PRUNE_METHODS } from './prune/registry';
import { STRATEGIES } from './es/registry';
import { TASKS } from './tasks/registry';
import { NETWORKS } from './nets/registry';
import type { LayerSpec } from './nets/types';
import type { ExperimentConfig } from './runs/config';

const GD_PREFIX = 'gd_';

/** A chain id's pruning method and whether gradient descent trained it ('gd_magnitude' → magnitude, GD). */
export function chainMethod(id: string): { method: string; gd: boolean } {
  return id.startsWith(GD_PREFIX) ? { method: id.slice(GD_PREFIX.length), gd: true } : { method: id, gd: false };
}

const TRANSFER_PREFIX = 'transfer_';

/**
 * A pruning method or chain: "Ticket (magnitude pruning)", "GD · Random mask, new weights (baseline)";
 * a transfer's training of a ticket ('transfer_snr', 'gd_transfer_magnitude') is the ticket, "transferred".
 */
export function methodName(id: string): string {
  const { method, gd } = chainMethod(id);
  if (method.startsWith(TRANSFER_PREFIX)) {
    const ticket = methodName(method.slice(TRANSFER_PREFIX.length));
    return `${gd && !ticket.startsWith('GD · ') ? 'GD · ' : ''}${ticket}, transferred`;
  }
  const label = PRUNE_METHODS.find((m) => m.id === method)?.label ?? method.replace(/_/g, ' ');
  return gd ? `GD · ${label}` : label;
}

/**
 * A chain's curve labelled with where it comes from, for legends and table columns that show two sources
 * at once: "Ticket, magnitude pruning — precomputed", "Random mask, new weights, baseline — your run". The
 * method's own bracket becomes a comma, so the label never reads "(magnitude pruning) (precomputed)".
 */
export function sourcedName(id: string, source: string): string {
  return `${methodName(id).replace(/ \(([^()]+)\)$/, ', $1')} — ${source}`;
}

/** A task: "Fashion-MNIST", "CartPole". */
export function taskName(id: string): string {
  return TASKS.find((t) => t.id === id)?.label ?? id;
}

/** An evolution strategy: "Sep-CMA-ES". */
export function strategyName(id: string): string {
  return STRATEGIES.find((s) => s.id === id)?.label ?? id;
}

/** A network: "MLP", "CNN (paper)". */
export function networkName(id: string): string {
  return NETWORKS.find((n) => n.id === id)?.label ?? id;
}

/** What a layer is (the part of LayerSpec a name needs). */
export type LayerShape = Pick<LayerSpec, 'name' | 'kind' | 'kernelShape'>;

/**
 * Layers by their role: "hidden layer 1 (196 → 32)", "output layer (32 → 10)", "convolution 2 (5×5, 8 → 16
 * channels)". With one dense layer after convolutions it is the output layer.
 */
export function layerNames(layers: readonly LayerShape[]): string[] {
  let conv = 0,
    dense = 0;
  const lastDense = layers.map((l) => l.kind).lastIndexOf('dense');
  return layers.map((l, i) => {
    const s = l.kernelShape;
    if (l.kind === 'conv') {
      conv++;
      return `convolution ${conv} (${s[0]}×${s[1]}, ${s[2]} → ${s[3]} channels)`;
    }
    dense++;
    const io = `${s[0]} → ${s[1]}`;
    return i === lastDense ? `output layer (${io})` : `hidden layer ${dense} (${io})`;
  });
}

/** One layer's name among `layers`; without them, from its flax-style name alone ("Dense_1" → "dense layer 2"). */
export function layerName(name: string, layers: readonly LayerShape[] = []): string {
  const i = layers.findIndex((l) => l.name === name);
  if (i >= 0) return layerNames(layers)[i];
  const m = /^(Dense|Conv)_(\d+)$/.exec(name);
  return m ? `${m[1] === 'Conv' ? 'convolution' : 'dense'} layer ${Number(m[2]) + 1}` : name;
}

/**
 * The layer at `index` of the network, as the Masks tab names it ("hidden layer 1 (196 → 32)"), for a
 * view that has the network's names in order (`named`, from layerNames): the Analysis tab's results carry
 * a layer's index and flax name only, and once said "dense layer 1" for the same layer. Without `named`
 * (or out of its range), from the flax name alone.
 */
export function layerNameAt(index: number, name: string, named?: readonly string[]): string {
  return named?.[index] ?? layerName(name);
}

/** An LMC network label as the analysis names it ("r3" → "round 3", "s1" → "seed 1"). */
export function netLabel(label: string): string {
  const m = /^([rs])(\d+)$/.exec(label);
  return m ? `${m[1] === 'r' ? 'round' : 'seed'} ${m[2]}` : label;
}

/** How a run trains: "PGPE, 64 per generation, 150 generations per round" or "gradient descent (adam, learning rate 0.001, 1 epoch per round)". */
export function trainerSummary(c: ExperimentConfig): string {
  if (c.trainer) {
    const t = c.trainer.params;
    return `gradient descent (${t.optimizer === 'adam' ? 'Adam' : 'SGD'}, learning rate ${t.lr}, ${t.epochs} epoch${t.epochs === 1 ? '' : 's'} per round)`;
  }
  return `${strategyName(c.es.id)}, ${c.es.popSize} per generation, ${c.budget.generationsPerRound} ${stepWord(false, c.budget.generationsPerRound)} per round`;
}

/** A run in a list: "MNIST · MLP · PGPE, 64 per generation, 150 generations per round · 6 rounds". */
export function runTitle(c: ExperimentConfig): string {
  return `${taskName(c.task.id)} · ${networkName(c.network.id)} · ${trainerSummary(c)} · ${c.prune.rounds} round${c.prune.rounds === 1 ? '' : 's'}`;
}

/** The unit of training steps: ES generations, or optimizer steps for gradient descent. */
export function stepWord(gd: boolean, n = 2): string {
  return gd ? (n === 1 ? 'step' : 'steps') : n === 1 ? 'generation' : 'generations';
}
