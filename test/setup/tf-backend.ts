// Vitest setup: tfjs on the wasm backend in Node (tfjs-node cannot be installed here; see docs/ARCHITECTURE.md "Platform notes").
// TFJS_BACKEND=cpu runs the suite on the pure-JS backend instead.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

const wanted = process.env.TFJS_BACKEND ?? 'wasm';
await tf.setBackend(wanted);
await tf.ready();
