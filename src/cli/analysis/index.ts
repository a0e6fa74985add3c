/**
 * Analysis subcommands over saved run folders: one command per entry of the core analysis registry
 * (src/core/analysis/analyses), registered in src/cli/main.ts; their --help lines come from the same registry.
 */
export { ANALYSIS_COMMANDS, analysisCommand } from './analysis-command';
export { analysisHelpLines } from './analysis-flags';
