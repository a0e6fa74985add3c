/** Public surface of the analysis module: the tested numbers every chart shows (STYLE.md §11). */
export * from './rows';
export * from './interpolation';
export * from './directions';
export * from './quadratic-fit';
export * from './correlation';
export * from './mask-stats';
