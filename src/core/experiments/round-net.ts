/**
 * The network one IMP round trains (docs/ALGORITHMS.md §3.1): MLPs on image pixels (TaskDef.pixelInputs)
 * read only the input pixels the round's mask still uses (nets/compact.ts: identical outputs, cost falls
 * with sparsity); episodic tasks keep the full net (their typed-array policy path probes the net itself).
 * One function, so the ES loop and every evaluation worker of a population split build the same network
 * for a mask.
 */
import type { NetworkIO, PopulationNet } from '../nets/types';
import type { ExperimentConfig } from '../runs/config';
import { getNetwork } from '../nets/registry';
import { getTask } from '../tasks/registry';
import { compactInputs } from '../nets/compact';

export function roundNetwork(
  config: Pick<ExperimentConfig, 'network' | 'task'>,
  net: PopulationNet,
  mask: Uint8Array,
): PopulationNet {
  if (!getTask(config.task.id).pixelInputs || net.layers[0].kind !== 'dense') return net;
  const netDef = getNetwork(config.network.id);
  const io = (k: number): NetworkIO => ({ inputShape: [k], outputSize: net.outputSize });
  return compactInputs(net, mask, (k) => netDef.build(config.network.params, io(k)));
}
