/**
 * Long-horizon check of a locomotion run folder (the learning check asks for a clearly positive forward
 * return over 1,000 steps): every saved round mean (params/<seed>-<method>-r<k>.mean.f32) replays the
 * task's fixed test episodes with a longer horizon than it was trained on, through the viewer's recorder
 * (recordLocomotionTestEpisode), and reports the mean return, its forward-velocity part and the steps
 * survived. Pure evaluation: nothing is trained.
 * Usage: npx tsx bench/locomotion/long-horizon.ts RUN_DIR [maxSteps=1000] [episodes=8]
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { parseConfig } from '../../src/core/runs/config';
import { networkOf } from '../../src/core/runs/network-shape';
import { rowPolicyFor } from '../../src/core/tasks/control/policy-net';
import { recordLocomotionTestEpisode } from '../../src/core/tasks/locomotion';

const [dir, maxStepsArg, episodesArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: long-horizon.ts RUN_DIR [maxSteps] [episodes]');
  process.exit(2);
}
const maxSteps = Number(maxStepsArg ?? 1000),
  episodes = Number(episodesArg ?? 8);
await tf.setBackend('cpu');
const config = parseConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')).config);
const net = networkOf(config);
const taskParams = { ...config.task.params, maxSteps };
const files = (await readdir(join(dir, 'params'))).filter((f) => f.endsWith('.mean.f32'));
const rows: { seed: string; method: string; round: number; ret: number; forward: number; steps: number }[] = [];
for (const f of files) {
  const [, seed, method, round] = f.match(/^(\d+)-(.+)-r(\d+)\.mean\.f32$/) ?? [];
  if (!seed) continue;
  const buf = await readFile(join(dir, 'params', f));
  const params = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4).slice();
  const t = tf.tensor2d(params, [1, net.paramCount]);
  let ret = 0,
    forward = 0,
    steps = 0;
  for (let e = 0; e < episodes; e++) {
    const rec = (await recordLocomotionTestEpisode(config.task.id, taskParams, rowPolicyFor(net, t, params), e))!;
    ret += rec.episodeReturn;
    forward += rec.terms.reduce((s, x) => s + x.forward, 0);
    steps += rec.rewards.length;
  }
  t.dispose();
  rows.push({
    seed,
    method,
    round: Number(round),
    ret: ret / episodes,
    forward: forward / episodes,
    steps: steps / episodes,
  });
}
rows.sort((a, b) => a.round - b.round || a.method.localeCompare(b.method) || a.seed.localeCompare(b.seed));
console.log(
  `${config.task.id}: ${episodes} fixed test episodes, horizon ${maxSteps} (trained with ${config.task.params.maxSteps})`,
);
console.log(
  '| round | method | seed | mean return | forward part | steps survived |\n| --- | --- | --- | --- | --- | --- |',
);
for (const r of rows)
  console.log(
    `| ${r.round} | ${r.method} | ${r.seed} | ${r.ret.toFixed(1)} | ${r.forward.toFixed(1)} | ${r.steps.toFixed(0)} |`,
  );
