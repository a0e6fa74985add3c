/**
 * The "Transfer" result tab (docs/ALGORITHMS.md §5; paper §4): the shown
 * run's round table with a "Use this ticket for…" action on every finished round; the transfer setup for
 * the chosen ticket (target task / ES / GD); Start with progress and Cancel; and the source and target
 * curves side by side, ticket against the random/reinit baseline. The job runs in the lab worker
 * (LabEngine.runTransfer), one job at a time: while an IMP run streams, the tab says so.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RoundRecord } from '../../core/experiments/events';
import type { ExperimentConfig } from '../../core/runs/config';
import { getTask } from '../../core/tasks/registry';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import {
  selectTransferActive,
  sourceCurves,
  targetCurves,
  transferFraction,
  useTransferStore,
} from '../../state/transfer-store';
import { methodName, strategyName, taskName } from '../../core/names';
import { Term } from '../glossary/Term';
import { TargetForm, draftErrors } from './TargetForm';
import { TicketTable } from './TicketTable';
import { TransferCharts } from './TransferCharts';
import { cancelTransfer, startTransfer, ticketFromRecord } from './transfer-client';
import { LiveAnnouncer } from '../a11y/LiveAnnouncer';
import './transfer.css';
import '../viz/views.css';

export interface TransferPanelProps {
  readonly records: readonly RoundRecord[];
  readonly config: ExperimentConfig | null;
  readonly runId: string | null;
}

function Progress() {
  const s = useTransferStore(
    useShallow((x) => ({ start: x.start, records: x.records, currentStep: x.currentStep, status: x.status })),
  );
  const pct = (100 * transferFraction(s)).toFixed(0);
  const step = s.start
    ? `${s.records.length < s.start.methods.length ? `training ${s.records.length + 1} of ${s.start.methods.length} (${methodName(s.start.methods[s.records.length])})` : 'finishing'}`
    : 'loading the target task…';
  return (
    <div className="progress-line">
      <progress max={100} value={Number(pct)} aria-label="Transfer progress" />
      <span>
        {pct} % · {step}
      </span>
      <LiveAnnouncer event="Transfer running." progress={`Transfer ${Math.floor(Number(pct) / 10) * 10} % done.`} />
    </div>
  );
}

function SetupAndResults({ config }: { config: ExperimentConfig }) {
  const { ticket, draft, status, error, start, records, live } = useTransferStore(
    useShallow((s) => ({
      ticket: s.ticket,
      draft: s.draft,
      status: s.status,
      error: s.error,
      start: s.start,
      records: s.records,
      live: s.live,
    })),
  );
  const close = useTransferStore((s) => s.close);
  const impActive = useImpStore(selectImpActive);
  const running = status === 'running';
  const source = useMemo(() => (ticket ? sourceCurves(ticket) : []), [ticket]);
  const target = useMemo(() => targetCurves({ records, live }), [records, live]);
  const heading = useRef<HTMLHeadingElement>(null);
  const ticketKey = ticket ? `${ticket.seed}/${ticket.method}/${ticket.roundNum}` : '';
  useEffect(() => {
    if (ticketKey) heading.current?.focus();
  }, [ticketKey]);
  if (!ticket || !draft) return null;
  const errors = draftErrors(draft);
  const vision = getTask(config.task.id).metric === 'accuracy';
  const kept = (100 * (1 - ticket.sparsityFrac)).toFixed(1);
  const sourceIsGd = ticket.method.startsWith('gd_');
  const targetIsGd = draft.kind === 'gd' || (draft.kind === 'task' && sourceIsGd);
  return (
    <section className="transfer-setup" aria-labelledby="transfer-h">
      <div className="panel-head">
        <h3 id="transfer-h" ref={heading} tabIndex={-1}>
          Transfer the ticket of round {ticket.roundNum}: {methodName(ticket.method)}, seed {ticket.seed}, {kept} % of
          the weights
        </h3>
        <button type="button" className="link-button" onClick={close} disabled={running}>
          Close
        </button>
      </div>
      <p className="muted small">
        The <Term id="mask">mask</Term> M<sub>{ticket.roundNum}</sub> and the chain&apos;s starting weights θ
        <sub>0</sub> from {taskName(config.task.id)} / {strategyName(config.es.id)} are trained again from M ⊙ θ
        <sub>0</sub> with a fresh optimizer or evolution strategy; nothing is pruned in a transfer.
      </p>
      <TargetForm config={config} draft={draft} disabled={running} sourceIsGd={sourceIsGd} />
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={running || impActive || Object.keys(errors).length > 0}
          onClick={() => void startTransfer()}
        >
          Start transfer
        </button>
        <button type="button" disabled={!running} onClick={() => void cancelTransfer()}>
          Cancel
        </button>
        <span className={`status status-${status}`} data-testid="transfer-status">
          {status}
        </span>
      </div>
      {Object.keys(errors).length > 0 ? <p className="field-error">Fix the fields marked in red to start.</p> : null}
      {running ? <Progress /> : null}
      {error ? (
        <p className="run-error" role="alert">
          The transfer stopped: {error}
        </p>
      ) : null}
      {status === 'cancelled' ? (
        <p className="muted" role="status">
          Transfer cancelled.
        </p>
      ) : null}
      {start?.notes.length ? (
        <ul className="notice small">
          {start.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <TransferCharts
        ticket={ticket}
        source={source}
        target={target}
        records={records}
        asPercent={vision}
        targetIsGd={targetIsGd}
        sourceLabel={`${methodName(ticket.method)}, round ${ticket.roundNum}, on ${taskName(config.task.id)} (${strategyName(config.es.id)})`}
        targetLabel={start?.targetLabel ?? 'not started'}
        targetTaskId={start?.targetTaskId ?? '—'}
        targetSteps={start?.stepsPerTraining ?? null}
      />
    </section>
  );
}

export function TransferPanel({ records, config, runId }: TransferPanelProps) {
  const impActive = useImpStore(selectImpActive);
  const transferActive = useTransferStore(selectTransferActive);
  const chosen = useTransferStore((s) => s.ticket);
  const choose = useTransferStore((s) => s.chooseTicket);
  if (!config || records.length === 0)
    return <p className="muted">Transfers need finished IMP rounds: run an experiment or open a stored run.</p>;
  const sameRun = chosen && chosen.config === config;
  return (
    <div className="transfer-panel">
      {impActive ? (
        <p className="muted" role="status">
          The worker is busy with the run: a transfer can start once it finishes, or cancel it.
        </p>
      ) : null}
      <TicketTable
        records={records}
        vision={getTask(config.task.id).metric === 'accuracy'}
        disabled={transferActive}
        chosen={sameRun ? chosen : null}
        onUse={(r) => choose(ticketFromRecord(r, records, config, runId))}
      />
      {sameRun || transferActive ? <SetupAndResults config={chosen!.config} /> : null}
    </div>
  );
}
