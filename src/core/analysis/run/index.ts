/** Analyses that evaluate grids through a task and network: LMC, landscapes, per-round correlation. */
export * from './evaluate-grid';
export * from './lmc';
export * from './landscape';
export * from './correlation-by-round';
