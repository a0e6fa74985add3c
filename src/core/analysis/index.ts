/** Public surface of the analysis module: the tested numbers every chart shows (docs/ARCHITECTURE.md convention 11). */
export * from './rows';
export * from './interpolation';
export * from './directions';
export * from './quadratic-fit';
export * from './correlation';
export * from './mask-stats';
