/**
 * The 2-D view of the toy-function registry (functions.ts) for the 2-D ES demo: plot box,
 * a minimiser for the marker, a start point away from it, and the loss on a [P, 2] population.
 * Every registered function that works in d = 2 is offered (docs/ARCHITECTURE.md convention 3).
 */
import type * as tf from '@tensorflow/tfjs-core';
import { TOY_FUNCTIONS, type ToyFunction } from './functions';

/** Plain metadata (safe to use on the main thread and to post between threads). */
export interface Toy2dInfo {
  readonly id: string;
  readonly label: string;
  readonly help: string;
  /** [xMin, xMax, yMin, yMax]. */
  readonly bounds: readonly [number, number, number, number];
  /** One global minimiser, for the plot marker. */
  readonly optimum: readonly number[];
  /** Initial ES mean: the upper-left part of the box, far from the minimiser of every registered function. */
  readonly start: readonly number[];
}

export interface Toy2d extends Toy2dInfo {
  /** Loss f(x) per row of a [P, 2] population (lower is better); the caller disposes. */
  value(x: tf.Tensor2D): tf.Tensor1D;
}

function to2d(fn: ToyFunction): Toy2d {
  const [lo, hi] = fn.domain;
  const span = hi - lo;
  const opt = Array.from(fn.optimum.x(2));
  return {
    id: fn.id,
    label: fn.label,
    help: `Minimum f = ${fn.optimum.value} at (${opt.map((v) => Number(v.toFixed(3))).join(', ')})${fn.dim === 2 ? ' (one of several)' : ''}; plotted over [${lo}, ${hi}]².`,
    bounds: [lo, hi, lo, hi],
    optimum: opt,
    start: [lo + 0.15 * span, hi - 0.15 * span],
    value: fn.loss,
  };
}

const TOYS_2D: readonly Toy2d[] = TOY_FUNCTIONS.filter((f) => f.dim === null || f.dim === 2).map(to2d);

/** Metadata of every 2-D-capable toy function, in registry order. */
export const TOY_2D_LIST: readonly Toy2dInfo[] = TOYS_2D.map(({ id, label, help, bounds, optimum, start }) => ({
  id,
  label,
  help,
  bounds,
  optimum,
  start,
}));

/** The 2-D toy function with this id; throws listing the valid ids. */
export function getToy2d(id: string): Toy2d {
  const f = TOYS_2D.find((t) => t.id === id);
  if (!f) throw new Error(`unknown 2-D test function "${id}" (valid: ${TOYS_2D.map((t) => t.id).join(', ')})`);
  return f;
}
