/**
 * The host population forward's WebAssembly kernels (host-forward-kernels.wat; docs/PERFORMANCE.md
 * "Hand-written wasm kernels") and the memory they work in. Why: the dense layers after the first were
 * JS loops over float64 activations (host-dense.ts), the largest JS cost of a `mnist-quick` generation
 * (≈ 3 of its ≈ 11 ms); the same float64 operations in wasm SIMD, two batch entries at a time, give the
 * same bits in a fraction of the time.
 *
 * The first layer's pair activations (host-loops.ts pairPass, ≈ 0.8 ms) run the same way.
 *
 * An arena is one instance of the module with its own memory, owned by one network's host forward (so
 * forwards never share scratch). Views of it are valid until the next `reserve` that grows it.
 * `ForwardArena.create()` is null where wasm SIMD is unavailable: the forward then keeps its JS loops.
 */
import { lazyWasmModule } from '../../wasm-module';
import { hostForwardKernelsWasm } from './host-forward-kernels-wasm';
import { EXP_CONSTANTS, EXP_TABLE, POW2 } from '../host-exp';

interface Exports {
  memory: WebAssembly.Memory;
  dense(h: number, out: number, w: number, bias: number, nIn: number, nOut: number, batch: number): void;
  pairAct(
    yc: number,
    ye: number,
    bp: number,
    bm: number,
    nOut: number,
    batch: number,
    hp: number,
    hm: number,
    relu: number,
  ): number;
  expSums(logits: number, z: number, rows: number, classes: number): void;
  memberAct(y: number, bias: number, nOut: number, batch: number, h: number, relu: number): number;
  pairRows(
    params: number,
    rowBytes: number,
    kernelOffsetBytes: number,
    half: number,
    skip: number,
    nIn: number,
    nOut: number,
    blocked: number,
    rows: number,
    centre: number,
    scale0: number,
    tol: number,
  ): number;
}

/** Where the wasm module expects expHost's tables and constants (host-forward-kernels.wat TABLES). */
const TABLES = { exp: 0, pow2: 512, constants: 16896 } as const;
/** Byte offset of the first byte callers may use (after the tables, 16-byte aligned). */
const BASE = 16960;

/** The arena whose memory a view lies in (its buffer changes when the memory grows). */
const arenaOfBuffer = new WeakMap<ArrayBufferLike, ForwardArena>();

/** The arena that `view` is a view of, or null (then the view is an ordinary array). */
export function arenaOf(view: ArrayBufferView): ForwardArena | null {
  return arenaOfBuffer.get(view.buffer) ?? null;
}

const kernelModule = lazyWasmModule(hostForwardKernelsWasm);

const PAGE = 65536;

export class ForwardArena {
  /** The first byte offset free for callers (the exp tables come first). */
  readonly base = BASE;

  private constructor(private readonly x: Exports) {
    const mem = x.memory.buffer;
    new Float64Array(mem, TABLES.exp, EXP_TABLE.length).set(EXP_TABLE);
    new Float64Array(mem, TABLES.pow2, POW2.length).set(POW2);
    new Float64Array(mem, TABLES.constants, EXP_CONSTANTS.length).set(EXP_CONSTANTS);
    arenaOfBuffer.set(mem, this);
  }

  /** A fresh arena, or null without wasm SIMD. */
  static create(): ForwardArena | null {
    const mod = kernelModule();
    if (!mod) return null;
    const instance = new WebAssembly.Instance(mod, { js: { exp: Math.exp } });
    return new ForwardArena(instance.exports as unknown as Exports);
  }

  /** Makes the bytes [0, bytes) usable; growing detaches every earlier view (content is kept). */
  reserve(bytes: number): void {
    const have = this.x.memory.buffer.byteLength;
    if (bytes <= have) return;
    this.x.memory.grow(Math.ceil((bytes - have) / PAGE));
    arenaOfBuffer.set(this.x.memory.buffer, this);
  }

  f64(byteOffset: number, length: number): Float64Array {
    return new Float64Array(this.x.memory.buffer, byteOffset, length);
  }

  f32(byteOffset: number, length: number): Float32Array {
    return new Float32Array(this.x.memory.buffer, byteOffset, length);
  }

  /**
   * One dense layer of one member (host-forward-kernels.wat): out [nOut, B] from h [nIn, B] (float64
   * views of this arena), with weights [nIn, nOut] then bias [nOut] as float32 at `weights` in this arena.
   * No activation.
   */
  dense(h: Float64Array, out: Float64Array, weights: Float32Array, nIn: number, nOut: number, batch: number): void {
    const w = weights.byteOffset;
    this.x.dense(h.byteOffset, out.byteOffset, w, w + 4 * nIn * nOut, nIn, nOut, batch);
  }

  /**
   * First-layer pre-activations of an antithetic pair (host-forward-kernels.wat `pairAct`): rows `block`
   * (the pair's half-difference) and 0 (the centre) of the product `y` [R·nOut, B], biases [2·nOut] (plus
   * then minus), through ReLU when `relu`; all views of this arena. Returns Σ (v₊ − v₋): not finite when
   * some value is not (the caller then redoes the pair exactly).
   */
  pairAct(
    y: Float32Array,
    block: number,
    biases: Float32Array,
    nOut: number,
    batch: number,
    hPlus: Float64Array,
    hMinus: Float64Array,
    relu: boolean,
  ): number {
    const yc = y.byteOffset,
      bp = biases.byteOffset;
    return this.x.pairAct(
      yc,
      yc + 4 * block * nOut * batch,
      bp,
      bp + 4 * nOut,
      nOut,
      batch,
      hPlus.byteOffset,
      hMinus.byteOffset,
      relu ? 1 : 0,
    );
  }

  /** z[r] = Σ_c e^(logits[r, c]) for `rows` rows of `classes` float32 logits, by `expHost`'s arithmetic; views of this arena. */
  expSums(logits: Float32Array, rows: number, classes: number, z: Float64Array): void {
    this.x.expSums(logits.byteOffset, z.byteOffset, rows, classes);
  }

  /**
   * The first layer's pair rows (host-forward-kernels.wat `pairRows`): from the params rows of length
   * `dim` (float32 view of this arena), kernels at `kernelOffset`, into `rows` with float64 scratch
   * `centre` and `scale0` (all views of this arena); false when some pair's midpoint is not the centre.
   */
  pairRows(
    params: Float32Array,
    dim: number,
    kernelOffset: number,
    half: number,
    skip: number,
    nIn: number,
    nOut: number,
    blocked: boolean,
    rows: Float32Array,
    centre: Float64Array,
    scale0: Float64Array,
    tol: number,
  ): boolean {
    return (
      this.x.pairRows(
        params.byteOffset,
        4 * dim,
        4 * kernelOffset,
        half,
        skip,
        nIn,
        nOut,
        blocked ? 1 : 0,
        rows.byteOffset,
        centre.byteOffset,
        scale0.byteOffset,
        tol,
      ) === 1
    );
  }

  /**
   * First-layer pre-activations of one member (host-forward-kernels.wat `memberAct`): its rows `block` of
   * the product `y` [R·nOut, B] plus `bias` [nOut], through ReLU when `relu`; views of this arena. Returns
   * Σ v: not finite when some value is not (the caller then redoes the member exactly).
   */
  memberAct(
    y: Float32Array,
    block: number,
    bias: Float32Array,
    nOut: number,
    batch: number,
    h: Float64Array,
    relu: boolean,
  ): number {
    const at = y.byteOffset + 4 * block * nOut * batch;
    return this.x.memberAct(at, bias.byteOffset, nOut, batch, h.byteOffset, relu ? 1 : 0);
  }
}
