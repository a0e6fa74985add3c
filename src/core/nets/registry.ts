/**
 * Network registry (docs/ARCHITECTURE.md convention 3): the single list the UI, CLI, config schema and
 * parametrised tests iterate. Adding a network is one file plus one entry here.
 */
import { choice, int, resolveParams, type AnyParamValues } from '../params';
import type { NetworkDef, NetworkIO, PopulationNet } from './types';
import { buildMlp } from './mlp';
import { buildCnn } from './cnn';

const activationChoice = (d: 'relu' | 'tanh') =>
  choice(
    d,
    [
      { value: 'relu', label: 'ReLU' },
      { value: 'tanh', label: 'tanh' },
    ],
    'Hidden activation',
    'Nonlinearity after each hidden layer.',
  );

const outputChoice = (d: 'none' | 'tanh') =>
  choice(
    d,
    [
      { value: 'none', label: 'linear' },
      { value: 'tanh', label: 'tanh' },
    ],
    'Output activation',
    'linear: logits / raw actions; tanh: bounded actions (Brax MLP, docs/ALGORITHMS.md §9.2).',
  );

const inputSizeOf = (io: NetworkIO): number => io.inputShape.reduce((a, b) => a * b, 1);

function mlpDef(
  id: string,
  label: string,
  help: string,
  taskKinds: NetworkDef['taskKinds'],
  d: { hiddenLayers: number; width: number; activation: 'relu' | 'tanh'; outputActivation: 'none' | 'tanh' },
): NetworkDef {
  const paramSpecs = {
    hiddenLayers: int(d.hiddenLayers, 1, 3, 'Hidden layers', 'Number of hidden layers (the paper: "1 to 3 layers").'),
    width: int(d.width, 4, 512, 'Width', 'Units per hidden layer.'),
    activation: activationChoice(d.activation),
    outputActivation: outputChoice(d.outputActivation),
  };
  return {
    id,
    label,
    help,
    paramSpecs,
    taskKinds,
    build(given: AnyParamValues, io: NetworkIO): PopulationNet {
      const p = resolveParams(paramSpecs, given);
      return buildMlp({ id, inputSize: inputSizeOf(io), outputSize: io.outputSize, ...p });
    },
  };
}

const cnnParamSpecs = {
  hiddenDense: int(0, 0, 2, 'Hidden dense layers', 'Dense+ReLU layers before the output (paper: 0).'),
  hiddenWidth: int(
    64,
    8,
    512,
    'Hidden dense width',
    'Units per hidden dense layer (used only if hidden dense layers > 0).',
  ),
};

export const NETWORKS: readonly NetworkDef[] = [
  mlpDef(
    'mlp',
    'MLP',
    "Fully connected network with ReLU hidden layers; the reduced vision presets use 196-32-10 on 14×14 images (docs/ALGORITHMS.md §12). Not the paper's vision network (the CNN).",
    ['vision', 'control'],
    { hiddenLayers: 1, width: 32, activation: 'relu', outputActivation: 'none' },
  ),
  {
    id: 'cnn',
    label: 'CNN (paper)',
    help: "The paper's MNIST CNN (docs/ALGORITHMS.md §9.1): Conv 8@5×5 → pool → Conv 16@5×5 → pool → Dense 10; 11 274 parameters on 28×28 inputs.",
    paramSpecs: cnnParamSpecs,
    taskKinds: ['vision'],
    build(given: AnyParamValues, io: NetworkIO): PopulationNet {
      const p = resolveParams(cnnParamSpecs, given);
      if (io.inputShape.length !== 3)
        throw new Error(`the CNN needs image inputs [h, w, c], got [${io.inputShape.join(', ')}]`);
      const [h, w, c] = io.inputShape;
      return buildCnn({
        id: 'cnn',
        inputShape: [h, w, c],
        outputSize: io.outputSize,
        channels: [8, 16],
        kernelSize: 5,
        ...p,
      });
    },
  },
  mlpDef(
    'policy_mlp',
    'Policy MLP',
    'Control policy (docs/ALGORITHMS.md §9.2): tanh hidden layers; linear output (gym tasks) or tanh output (Brax).',
    ['control'],
    { hiddenLayers: 2, width: 32, activation: 'tanh', outputActivation: 'none' },
  ),
];

/** Looks a network up by id; throws listing the known ids. */
export function getNetwork(id: string): NetworkDef {
  const n = NETWORKS.find((x) => x.id === id);
  if (!n) throw new Error(`unknown network "${id}" (known: ${NETWORKS.map((x) => x.id).join(', ')})`);
  return n;
}
