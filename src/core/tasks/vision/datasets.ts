/**
 * Vision dataset registry and preprocessing (docs/ALGORITHMS.md §9.1 data; §12 reduced presets).
 * Every dataset is normalised with the MNIST statistics, (x/255 − 0.1307)/0.3081, as the paper's code
 * does for all three; the reduced presets optionally 2×2-average-pool the 28×28 images to 14×14.
 * Bytes come through an injected reader so the same code runs in Node (fs) and browsers (fetch).
 */
import { parseIdxImages, parseIdxLabels, IDX_IMAGE_SIDE } from './idx';
import type { DataIo } from '../types';

/** MNIST pixel statistics after scaling to [0, 1] (docs/ALGORITHMS.md §9.1), used for every dataset. */
export const MNIST_MEAN = 0.1307;
export const MNIST_STD = 0.3081;

export type PoolMode = '28x28' | '14x14';

export interface DatasetFiles {
  readonly trainImages: string;
  readonly trainLabels: string;
  readonly testImages: string;
  readonly testLabels: string;
}

export interface DatasetDef {
  readonly id: string;
  readonly label: string;
  /** Paths relative to public/data/. */
  readonly files: DatasetFiles;
  readonly classNames: readonly string[];
  /** Caveats (e.g. KMNIST's partial training set) shown in the UI and CLI. */
  readonly notes: readonly string[];
  /** The caveat a student must see before running (also in the teacher's reduced form), if any. */
  readonly studentCaveat?: string;
  readonly citation: string;
}

function standardFiles(folder: string, trainSuffix = ''): DatasetFiles {
  return {
    trainImages: `${folder}/train-images-idx3-ubyte${trainSuffix}.gz`,
    trainLabels: `${folder}/train-labels-idx1-ubyte${trainSuffix}.gz`,
    testImages: `${folder}/t10k-images-idx3-ubyte.gz`,
    testLabels: `${folder}/t10k-labels-idx1-ubyte.gz`,
  };
}

export const DATASETS: readonly DatasetDef[] = [
  {
    id: 'mnist',
    label: 'MNIST',
    files: standardFiles('mnist'),
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    notes: [],
    citation: 'Y. LeCun, L. Bottou, Y. Bengio, P. Haffner, Proc. IEEE 86(11), 1998',
  },
  {
    id: 'fmnist',
    label: 'Fashion-MNIST',
    files: standardFiles('fashion-mnist'),
    classNames: [
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ],
    notes: ["Normalised with the MNIST statistics, as in the paper's code."],
    citation: 'H. Xiao, K. Rasul, R. Vollgraf, arXiv:1708.07747, 2017 (MIT License, Zalando SE)',
  },
  {
    id: 'kmnist',
    label: 'Kuzushiji-MNIST',
    files: standardFiles('kmnist', '.first6284'),
    classNames: [
      'お (o)',
      'き (ki)',
      'す (su)',
      'つ (tsu)',
      'な (na)',
      'は (ha)',
      'ま (ma)',
      'や (ya)',
      'れ (re)',
      'を (wo)',
    ],
    notes: [
      'Only the first 6,284 of the 60,000 KMNIST training images come with the lab, so KMNIST results here cannot be compared one to one with the paper.',
      "Normalised with the MNIST statistics, as in the paper's code.",
      'KMNIST data (CC BY-SA 4.0): "KMNIST Dataset" (CODH), adapted from "Kuzushiji Dataset" (NIJL et al.), doi:10.20676/00000341.',
    ],
    studentCaveat:
      'This copy of KMNIST holds only 6,284 of its 60,000 training images, so its results are not the paper’s.',
    citation: 'T. Clanuwat et al., arXiv:1812.01718, 2018 (CC BY-SA 4.0)',
  },
];

/** Looks a dataset up by id; throws listing the known ids. */
export function getDataset(id: string): DatasetDef {
  const d = DATASETS.find((x) => x.id === id);
  if (!d) throw new Error(`unknown dataset "${id}" (known: ${DATASETS.map((x) => x.id).join(', ')})`);
  return d;
}

/** One split, preprocessed: `x` is [count, side·side] row-major (HWC with C = 1). */
export interface VisionSplit {
  readonly count: number;
  readonly side: number;
  readonly x: Float32Array;
  readonly labels: Uint8Array;
}

export interface VisionData {
  readonly train: VisionSplit;
  readonly test: VisionSplit;
}

/** The normalised value of each byte value: fl32(p·scale − shift), what `normalizePixels` stores. */
function pixelTable(): Float32Array {
  const scale = 1 / (255 * MNIST_STD),
    shift = MNIST_MEAN / MNIST_STD;
  return Float32Array.from({ length: 256 }, (_, p) => p * scale - shift);
}

/** (x/255 − mean)/std per pixel (docs/ALGORITHMS.md §9.1). */
export function normalizePixels(pixels: Uint8Array): Float32Array {
  const table = pixelTable();
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = table[pixels[i]];
  return out;
}

/**
 * 2×2 average pooling (stride 2) of `count` square images of side `side` (even) → side/2.
 * Pooling commutes with the affine normalisation, so the order of the two steps does not matter.
 */
export function avgPool2x2(x: Float32Array, count: number, side: number): Float32Array {
  const out = pooledOutput(count, side, x.length);
  const half = side / 2;
  for (let n = 0; n < count; n++)
    for (let r = 0; r < half; r++)
      for (let c = 0; c < half; c++) {
        const i = n * side * side + 2 * r * side + 2 * c;
        out[(n * half + r) * half + c] = 0.25 * (x[i] + x[i + 1] + x[i + side] + x[i + side + 1]);
      }
  return out;
}

/**
 * `avgPool2x2(normalizePixels(pixels), …)` without the full-size float intermediate (4 bytes per pixel,
 * 188 MB for MNIST's training set: its page faults were most of the start-up time): the same values.
 * `inPlace` writes the result over `pixels`' own memory (which it destroys): the pooled float32 set takes
 * exactly as many bytes as the uint8 pixels (one 4-byte value per 4 pixels), and each pooled row lands on
 * the two pixel rows it comes from, which are copied aside first. That saves a fresh 47 MB array for
 * MNIST's training images (~0.13 s of page faults at start-up here); without a 4-byte-aligned input it
 * falls back to a new array.
 */
export function normalizedPool2x2(pixels: Uint8Array, count: number, side: number, inPlace = false): Float32Array {
  checkPoolInput(count, side, pixels.length);
  const size = (count * side * side) / 4;
  const out =
    inPlace && pixels.byteOffset % 4 === 0
      ? new Float32Array(pixels.buffer, pixels.byteOffset, size)
      : new Float32Array(size);
  const t = pixelTable();
  const half = side / 2,
    pair = new Uint8Array(2 * side);
  for (let row = 0, o = 0; row < count * half; row++) {
    const i0 = row * 2 * side;
    for (let i = 0; i < 2 * side; i++) pair[i] = pixels[i0 + i];
    for (let c = 0; c < side; c += 2, o++)
      out[o] = 0.25 * (t[pair[c]] + t[pair[c + 1]] + t[pair[c + side]] + t[pair[c + side + 1]]);
  }
  return out;
}

/** The pooled output array, after checking the input's shape. */
function pooledOutput(count: number, side: number, length: number): Float32Array {
  checkPoolInput(count, side, length);
  return new Float32Array((count * side * side) / 4);
}

function checkPoolInput(count: number, side: number, length: number): void {
  if (side % 2 !== 0) throw new Error(`avgPool2x2 needs an even side, got ${side}`);
  if (length !== count * side * side)
    throw new Error(`avgPool2x2: expected ${count * side * side} values, got ${length}`);
}

async function loadSplit(io: DataIo, imagesPath: string, labelsPath: string, pool: PoolMode): Promise<VisionSplit> {
  const [imgBytes, lblBytes] = await Promise.all([io.readBytes(imagesPath), io.readBytes(labelsPath)]);
  const images = parseIdxImages(imgBytes, imagesPath, io.gunzip);
  const { labels, count } = parseIdxLabels(lblBytes, labelsPath, 10, io.gunzip);
  if (count !== images.count)
    throw new Error(`${labelsPath} has ${count} labels but ${imagesPath} has ${images.count} images`);
  const pooled = pool === '14x14';
  return {
    count,
    side: pooled ? IDX_IMAGE_SIDE / 2 : IDX_IMAGE_SIDE,
    // The inflated pixels are not needed afterwards: the pooled values may take their memory.
    x: pooled ? normalizedPool2x2(images.pixels, count, IDX_IMAGE_SIDE, true) : normalizePixels(images.pixels),
    labels: labels.slice(),
  };
}

/** Loads and preprocesses both splits of a dataset; `io.readBytes` takes paths relative to public/data/. */
export async function loadDataset(def: DatasetDef, io: DataIo, pool: PoolMode = '28x28'): Promise<VisionData> {
  const [train, test] = await Promise.all([
    loadSplit(io, def.files.trainImages, def.files.trainLabels, pool),
    loadSplit(io, def.files.testImages, def.files.testLabels, pool),
  ]);
  return { train, test };
}

/** Counts of each class label (for checks and the UI's dataset card). */
export function labelHistogram(labels: Uint8Array, numClasses = 10): number[] {
  const h = new Array<number>(numClasses).fill(0);
  for (const l of labels) h[l]++;
  return h;
}
