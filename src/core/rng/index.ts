export { Rng, type RngKey } from './rng';
