// Backend chain (workers/backend-chain.ts): order, fallback reasons, timeout on a hanging init, and the
// numerical self-check rejecting a backend whose softmax is wrong. Node has cpu + wasm; the failing
// backends are registered here on purpose.
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import {
  candidatesFor,
  selectBackend,
  selfCheckMaxAbsDiff,
  selfCheckReference,
  withTimeout,
} from '../../../workers/backend-chain';

// A cpu clone whose Softmax output is off by +0.01: initialises fine, must fail the self-check.
tf.registerBackend('wrong-softmax', () => new MathBackendCPU());
for (const k of tf.getKernelsForBackend('cpu')) {
  if (k.kernelName !== tf.Softmax) {
    tf.registerKernel({ ...k, backendName: 'wrong-softmax' });
    continue;
  }
  tf.registerKernel({
    ...k,
    backendName: 'wrong-softmax',
    kernelFunc: (args) => {
      const out = k.kernelFunc(args) as tf.TensorInfo;
      const vals = (args.backend as MathBackendCPU).data.get(out.dataId).values as Float32Array;
      for (let i = 0; i < vals.length; i++) vals[i] += 0.01;
      return out;
    },
  });
}
tf.registerBackend('throws', () => {
  throw new Error('no device');
});
tf.registerBackend('hangs', () => new Promise<never>(() => undefined));

afterAll(async () => {
  await tf.setBackend('wasm');
});

describe('backend chain', () => {
  it('the float64 reference is a softmax (rows sum to 1) and cpu/wasm match it to < 1e-5', async () => {
    const ref = selfCheckReference();
    for (let r = 0; r < 6; r++) {
      let s = 0;
      for (let j = 0; j < 5; j++) s += ref[r * 5 + j];
      expect(s).toBeCloseTo(1, 12);
    }
    for (const b of ['cpu', 'wasm']) {
      await tf.setBackend(b);
      expect(await selfCheckMaxAbsDiff()).toBeLessThan(1e-5);
    }
  });

  it('auto order is webgpu → webgl → wasm → cpu; a forced backend falls back along the rest of it', () => {
    expect(candidatesFor('auto')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(candidatesFor('webgpu')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(candidatesFor('webgl')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(candidatesFor('wasm')).toEqual(['wasm', 'cpu']);
    expect(candidatesFor('cpu')).toEqual(['cpu']);
  });

  it('a forced webgpu that this machine lacks falls back to wasm, as auto would, not straight to cpu', async () => {
    const rep = await selectBackend('webgpu');
    expect(rep).toMatchObject({ active: 'wasm', pref: 'webgpu' });
    expect(rep.attempts.map((a) => [a.backend, a.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
    ]);
  });

  it('a fallback after a forced backend skips a software renderer as auto does', async () => {
    const softwareRenderer = (name: string) => (name === 'wasm' ? 'google swiftshader' : null);
    const rep = await selectBackend('webgpu', { softwareRenderer });
    expect(rep.active).toBe('cpu');
    expect(rep.attempts.find((a) => a.backend === 'wasm')!.reason).toMatch(
      /software renderer \(google swiftshader\).*skipped by the fallback after webgpu \(force wasm to use it\)/,
    );
  });

  it('in Node, auto skips the unregistered GPU backends and picks wasm', async () => {
    const rep = await selectBackend('auto');
    expect(rep.active).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(rep.attempts.map((a) => [a.backend, a.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
    ]);
    expect(rep.attempts[0].reason).toMatch(/not registered/);
  });

  it('skips a throwing, a numerically wrong and a hanging backend, with reasons, and lands on cpu', async () => {
    const before = tf.memory().numTensors;
    const rep = await selectBackend('auto', {
      candidates: ['throws', 'wrong-softmax', 'hangs', 'cpu'],
      timeoutMs: 200,
    });
    expect(rep.active).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const [thr, wrong, hang, cpu] = rep.attempts;
    expect(thr.ok).toBe(false);
    expect(thr.reason).toMatch(/failed to initialise/);
    expect(wrong.ok).toBe(false);
    expect(wrong.reason).toMatch(/self-check failed: max \|Δ\| = 1\.00e-2/);
    expect(hang.ok).toBe(false);
    expect(hang.reason).toMatch(/timed out after 200 ms/);
    expect(cpu.ok).toBe(true);
    // the hung init must not poison later readiness checks
    await withTimeout(tf.ready(), 500, 'tf.ready after a hung backend');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('forcing cpu uses cpu even though wasm would be faster', async () => {
    const rep = await selectBackend('cpu');
    expect(rep).toMatchObject({ active: 'cpu', pref: 'cpu' });
    expect(rep.attempts).toHaveLength(1);
  });

  it("'auto' skips a software renderer with the reason; forcing that backend uses it anyway", async () => {
    // wasm stands in for a GPU backend that turns out to be SwiftShader
    const softwareRenderer = (name: string) => (name === 'wasm' ? 'google swiftshader' : null);
    const auto = await selectBackend('auto', { candidates: ['wasm', 'cpu'], softwareRenderer });
    expect(auto.active).toBe('cpu');
    expect(auto.attempts[0]).toMatchObject({ backend: 'wasm', ok: false });
    expect(auto.attempts[0].reason).toMatch(
      /software renderer \(google swiftshader\).*skipped by 'auto' \(force wasm to use it\)/,
    );
    const forced = await selectBackend('wasm', { candidates: ['wasm', 'cpu'], softwareRenderer });
    expect(forced.active).toBe('wasm');
  });
});
