/**
 * Registers tfjs's gradient functions in Node for the GD commands (see core/experiments/gd/gradients.ts):
 * the CJS bundle of `@tensorflow/tfjs` registers them into the global registry shared with tfjs-core.
 */
import '@tensorflow/tfjs';
