// The JS route of the tell's row sums (src/core/es/row-sums.ts), forced by hiding the wasm kernel: it
// serves where the kernel is unavailable (a tfjs build that does not export its memory, no wasm SIMD).
import { describe, it, vi } from 'vitest';
import { ROW_SUM_CASES, expectRowSumsEqualOps } from '../../helpers/row-sum-cases';

vi.mock('../../../src/core/es/wasm/es-kernels', async (orig) => ({ ...(await orig()), esKernels: () => null }));

describe('row sums without the wasm kernel', () => {
  it.each(ROW_SUM_CASES)('weightedRowSums: %s', (_name, make) => expectRowSumsEqualOps(make));
});
