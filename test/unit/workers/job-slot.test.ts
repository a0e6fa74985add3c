// The lab engine's one job slot (workers/job-slot.ts): a second job is refused with the busy error's name,
// cancel ends a job as 'cancelled', fail() makes it reject with the reason, and the slot is free again after.
import { describe, expect, it } from 'vitest';
import { JobSlot } from '../../../workers/job-slot';
import { WORKER_BUSY_ERROR } from '../../../src/protocol/worker-protocol';
import type { RunControl } from '../../../workers/run-control';

/** A job body that steps until the slot stops it; `started` resolves with its control once it runs. */
function steppingJob() {
  let started: (ctl: RunControl) => void = () => undefined;
  const running = new Promise<RunControl>((r) => (started = r));
  const body = async (ctl: RunControl) => {
    started(ctl);
    for (;;) await ctl.step();
  };
  return { body, running };
}

describe('JobSlot', () => {
  it('refuses a second job with the busy error, then frees the slot when the first is cancelled', async () => {
    const slot = new JobSlot();
    const job = steppingJob();
    const first = slot.run('imp', job.body);
    await job.running;
    expect(slot.kind).toBe('imp');
    const second = slot.run('demo2d', async () => 1);
    await expect(second).rejects.toMatchObject({ name: WORKER_BUSY_ERROR, message: /imp run is already in progress/ });
    slot.cancel();
    await expect(first).resolves.toMatchObject({ status: 'cancelled' });
    expect(slot.kind).toBeNull();
    await expect(slot.run('demo2d', async () => 7)).resolves.toMatchObject({ status: 'done', result: 7 });
  });

  it('fail() stops the running job, which rejects with the given reason', async () => {
    const slot = new JobSlot();
    const job = steppingJob();
    const run = slot.run('imp', job.body);
    await job.running;
    slot.fail(new Error('the GPU device was lost: test'));
    await expect(run).rejects.toThrow('the GPU device was lost: test');
    expect(slot.phase).toBe('idle');
  });
});
