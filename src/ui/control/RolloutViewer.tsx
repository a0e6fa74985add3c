/**
 * Rollout viewer: animates an episode of the current mean policy (or of a chosen round's ticket) on a
 * canvas, with play/pause and the return shown. The episode is recorded by core recordEpisode wherever
 * `record` runs it (the app: in the worker, LabEngine.runAnalysis('rollout', …); the main thread never
 * loads tfjs for it), and each frame is drawn from core sceneOf, or for MuJoCo locomotion tasks as a side
 * view of the recorded geom poses (capsules as thick lines).
 */
import { taskName } from '../../core/names';
import { minus } from '../../core/tour/words';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnyParamValues } from '../../core/params';
import type { EpisodeRecord } from '../../core/tasks/control/record-episode';
import type { Primitive } from '../../core/tasks/control/render-geometry';
import type { RolloutJobOptions } from '../../protocol/worker-protocol';
import '../viz/views.css';
import {
  fitBounds,
  frameAt,
  isLocomotionRecord,
  ROLE_COLOURS,
  runningReturns,
  sceneOfFrame,
  toCanvas,
  type ViewTransform,
} from './scene-view';

export interface RolloutViewerProps {
  /** Control task id ('cartpole', 'pendulum', 'acrobot', 'mcc') or a MuJoCo locomotion task id (src/core/tasks/locomotion: hopper, halfcheetah, walker2d, ant). */
  readonly taskId: string;
  /** The task's resolved params (env constants, maxSteps). */
  readonly envParams: AnyParamValues;
  /** The policy to show (e.g. a round's final mean), length D. */
  readonly params: Float32Array;
  /** Records the episode (the app: in the worker, src/ui/run/analysis-client.ts recordRollout). */
  readonly record: (o: RolloutJobOptions) => Promise<EpisodeRecord>;
  /** Label of the policy, e.g. "round 3 mean". */
  readonly label?: string;
}

const FPS = 30;
const W = 480,
  H = 300;

function drawPrimitive(ctx: CanvasRenderingContext2D, t: ViewTransform, p: Primitive): void {
  const colour = ROLE_COLOURS[p.role];
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineCap = 'round';
  if (p.kind === 'line') {
    ctx.lineWidth = Math.max(1, p.width * t.scale);
    ctx.beginPath();
    ctx.moveTo(...toCanvas(t, p.x1, p.y1));
    ctx.lineTo(...toCanvas(t, p.x2, p.y2));
    ctx.stroke();
  } else if (p.kind === 'polyline') {
    ctx.lineWidth = Math.max(1, p.width * t.scale);
    ctx.beginPath();
    for (let i = 0; i < p.points.length; i += 2)
      ctx[i ? 'lineTo' : 'moveTo'](...toCanvas(t, p.points[i], p.points[i + 1]));
    ctx.stroke();
  } else if (p.kind === 'circle') {
    ctx.beginPath();
    ctx.arc(...toCanvas(t, p.cx, p.cy), Math.max(2, p.r * t.scale), 0, 2 * Math.PI);
    ctx.fill();
  } else {
    const [cx, cy] = toCanvas(t, p.cx, p.cy);
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate(-p.angle); // world angles are counter-clockwise, canvas y is down
    ctx.fillRect((-p.w / 2) * t.scale, (-p.h / 2) * t.scale, p.w * t.scale, p.h * t.scale);
    ctx.restore();
  }
}

export function RolloutViewer({ taskId, envParams, params, record, label = 'policy' }: RolloutViewerProps) {
  const [episodeIdx, setEpisodeIdx] = useState(0);
  const [episode, setEpisode] = useState<EpisodeRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(true);
  const [frame, setFrame] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let live = true;
    setEpisode(null);
    setError(null);
    setFrame(0);
    record({ taskId, envParams, params, episodeIdx })
      .then((ep) => {
        if (live) {
          setEpisode(ep);
          setPlaying(true);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [taskId, envParams, params, record, episodeIdx]);

  const returns = useMemo(() => (episode ? runningReturns(episode.rewards) : [0]), [episode]);
  const frames = episode?.states.length ?? 0;

  // Animation clock: advance frames at FPS while playing; stop at the end.
  useEffect(() => {
    if (!playing || !episode) return;
    const t0 = performance.now() - (frame * 1000) / FPS;
    let id = 0;
    const tick = (now: number) => {
      const f = frameAt(now - t0, FPS, frames);
      setFrame(f);
      if (f < frames - 1) id = requestAnimationFrame(tick);
      else setPlaying(false);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart only on play/episode changes, not every frame
  }, [playing, episode]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !episode) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    c.width = W * dpr;
    c.height = H * dpr;
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, H);
    const scene = sceneOfFrame(episode, frame, envParams);
    const t = fitBounds(scene.bounds, W, H);
    for (const p of scene.primitives) drawPrimitive(ctx, t, p);
  }, [episode, frame, envParams]);

  if (error) return <p className="field-error">Rollout failed: {error}</p>;
  return (
    <section className="chart-frame rollout-viewer" aria-label="Rollout viewer">
      <div className="chart-head">
        <h3>{episode ? `${taskName(taskId)}: ${label}` : `Recording an episode of ${label}…`}</h3>
        <div className="chart-actions">
          <button
            type="button"
            onClick={() => {
              if (frame >= frames - 1) setFrame(0);
              setPlaying(!playing);
            }}
            disabled={!episode}
            aria-pressed={playing}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          <button
            type="button"
            onClick={() => {
              setFrame(0);
              setPlaying(true);
            }}
            disabled={!episode}
          >
            Restart
          </button>
          <label>
            Test episode{' '}
            <input
              type="number"
              min={0}
              max={1023}
              value={episodeIdx}
              style={{ width: '4.5rem' }}
              onChange={(e) => setEpisodeIdx(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
            />
          </label>
        </div>
      </div>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`${taskName(taskId)} episode animation`}
        style={{ width: W, height: H, maxWidth: '100%', border: '1px solid #d5d9df', borderRadius: 6 }}
      />
      {episode ? (
        <>
          <input
            type="range"
            min={0}
            max={frames - 1}
            value={frame}
            aria-label="Step"
            aria-valuetext={`step ${frame} of ${frames - 1}`}
            style={{ display: 'block', width: W, maxWidth: '100%' }}
            onChange={(e) => {
              setPlaying(false);
              setFrame(Number(e.target.value));
            }}
          />
          <p className="stat-line" aria-live="off">
            step {frame} / {frames - 1} · return so far {minus(returns[frame].toFixed(1))} · episode return{' '}
            <strong>{minus(episode.episodeReturn.toFixed(1))}</strong>
            {episode.truncated ? ' (reached the step limit)' : ' (terminated)'}
            {isLocomotionRecord(episode) ? ` · x ${minus(episode.qpos[frame][0].toFixed(2))} m` : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
