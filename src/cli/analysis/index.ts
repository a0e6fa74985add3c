/**
 * Analysis subcommands over saved run folders (issue 6): `lmc`, `landscape`, `correlation`. Register them
 * in src/cli/main.ts COMMANDS and add ANALYSIS_HELP to the --help text.
 */
export { lmcCommand } from './lmc-command';
export { landscapeCommand } from './landscape-command';
export { correlationCommand } from './correlation-command';

export const ANALYSIS_HELP = [
  'Analysis commands (over a run folder written by "lab imp"; results go into that folder as CSV + JSON):',
  '  lmc          linear mode connectivity: error barrier across rounds of a chain and across seeds (docs/ALGORITHMS.md §6)',
  '    --run DIR  --method magnitude[,snr]  --seeds 0,1  --rounds 1,4,8  --points 15  --extended',
  '    --runs ES_DIR,GD_DIR  --method magnitude  --method-b gd_magnitude: same seed + round across two runs (ES vs GD)',
  '  landscape    1-D random projections, parabola fit and sharpness a per round (docs/ALGORITHMS.md §7)',
  '    --run DIR  --method snr  --seeds 0  --rounds 1,4,8,12  --directions 5  --points 21',
  '    --norm none|filter|layer (default none, paper-literal)  --range 1  --rng-seed 0  --surface N  --plane K',
  '  correlation  magnitude–SNR Pearson/Spearman per round and criteria agreement (docs/ALGORITHMS.md §8)',
  '    --run DIR  --methods magnitude,snr  --seeds 0-2  --layer 1  --max-points 2000',
  '  common: --test-images N (vision, default 2000; 0 = all)  --backend wasm|cpu  --chunk-rows N  --quiet',
].join('\n');
