/**
 * The network one IMP round trains (docs/ALGORITHMS.md §3.1): vision MLPs read only the input pixels the
 * round's mask still uses (nets/compact.ts: identical outputs, cost falls with sparsity); control tasks
 * keep the full net (their typed-array policy path probes the net itself). One function, so the ES loop
 * and every evaluation worker of a population split build the same network for a mask.
 */
import type { NetworkIO, PopulationNet } from '../nets/types';
import type { AnyParamValues } from '../params';
import { getNetwork } from '../nets/registry';
import { compactInputs } from '../nets/compact';

export function roundNetwork(
  network: { readonly id: string; readonly params: AnyParamValues },
  net: PopulationNet,
  taskKind: 'vision' | 'control',
  mask: Uint8Array,
): PopulationNet {
  if (taskKind !== 'vision' || net.layers[0].kind !== 'dense') return net;
  const netDef = getNetwork(network.id);
  const io = (k: number): NetworkIO => ({ inputShape: [k], outputSize: net.outputSize });
  return compactInputs(net, mask, (k) => netDef.build(network.params, io(k)));
}
