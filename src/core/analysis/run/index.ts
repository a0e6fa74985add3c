/** Analyses that evaluate grids through a task and network (issue 6): LMC, landscapes, per-round correlation. */
export * from './evaluate-grid';
export * from './lmc';
export * from './landscape';
export * from './correlation-by-round';
