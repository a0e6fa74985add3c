/**
 * Decodes one tour evidence file (evidence.ts) from its bytes: a run bundle through the app's own
 * validating importer (core/runs/bundle.ts importBundle), checked to be marked precomputed and, when the
 * evidence names a preset, to have that preset's settings up to seeds (a stale file is refused, as for the
 * preset overlays), and to carry masks where a step draws them (a curves-only bundle has none); or a tour
 * analysis file (analysis-file.ts). Never throws.
 */
import type { RoundRecord } from '../experiments/events';
import { importBundle } from '../runs/bundle';
import { parseConfig, type ExperimentConfig } from '../runs/config';
import { sameUpToSeeds } from '../runs/hash';
import { getPreset } from '../runs/presets';
import { parseTourAnalysis, type TourAnalysis } from './analysis-file';
import type { EvidenceSource } from './evidence';

/** Where the numbers came from: the commands and the date, shown under the evidence. */
export interface EvidenceProvenance {
  readonly label: string;
  readonly commands: readonly string[];
  /** ISO date the run or analyses were made. */
  readonly date: string;
}

export type EvidenceData =
  | {
      readonly kind: 'bundle';
      readonly records: readonly RoundRecord[];
      readonly config: ExperimentConfig;
      readonly provenance: EvidenceProvenance;
    }
  | { readonly kind: 'analysis'; readonly analysis: TourAnalysis; readonly provenance: EvidenceProvenance };

export type EvidenceDecode =
  { readonly ok: true; readonly data: EvidenceData } | { readonly ok: false; readonly message: string };

export function decodeEvidence(source: EvidenceSource, bytes: Uint8Array): EvidenceDecode {
  if (source.kind === 'analysis') {
    const got = parseTourAnalysis(bytes);
    if (!got.ok) return { ok: false, message: `${source.file} is not a valid analysis file: ${got.message}` };
    const a = got.analysis;
    return {
      ok: true,
      data: {
        kind: 'analysis',
        analysis: a,
        provenance: { label: a.title ?? source.title, commands: a.commands, date: a.createdAt },
      },
    };
  }
  const got = importBundle(bytes);
  if (!got.ok) return { ok: false, message: `${source.file} is unreadable: ${got.message}` };
  const b = got.bundle;
  if (b.precomputed !== true) return { ok: false, message: `${source.file} is not marked as a precomputed bundle` };
  if (source.needsMasks && b.curvesOnly)
    return { ok: false, message: `${source.file} holds curves only, but this step draws its masks` };
  if (source.presetId) {
    let preset: ExperimentConfig;
    try {
      preset = parseConfig(getPreset(source.presetId).config);
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
    if (!sameUpToSeeds(b.config, preset))
      return {
        ok: false,
        message: `${source.file} was made with other settings than the preset ${source.presetId} (stale file)`,
      };
  }
  return {
    ok: true,
    data: {
      kind: 'bundle',
      records: b.records,
      config: b.config,
      provenance: {
        label: b.label ?? source.title,
        commands: [...(b.provenance?.runCommands ?? []), ...(b.command ? [b.command] : [])],
        date: b.provenance?.runCreatedAt ?? b.createdAt,
      },
    },
  };
}
