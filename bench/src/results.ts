/**
 * The shape of a benchmark's results: the summaries of each section, the targets
 * checked, and the whole of results.json. The report renders these.
 */
import type { ActivationResult } from './activation';
import type { FloorResult } from './floor';
import type { Repo } from './generate';
import type { Inputs } from './inputs';
import type { machine } from './machine';
import type { Options } from './options';
import type { Spread } from './stats';

/** Summary of several runs' latencies: the median run's figure for each percentile, with the spread. */
export interface LatencySummary {
  p50: Spread;
  p90: Spread;
  p99: Spread;
  samplesPerRun: number;
}

export interface EditorSummary {
  server: string;
  resources: number;
  bytes: number;
  runs: number;
  firstDiagnosticsMs: Spread;
  firstDiagnosticsCount: number;
  edit: LatencySummary;
  completion: LatencySummary;
  hover: LatencySummary;
  peakRssMb: Spread;
  /** Peak RSS when the first diagnostics had arrived (before the edits). */
  peakRssOpenMb: Spread;
  completionItemsPerRequest: number;
  hoversFound: string;
  firstCompletionMs: Spread;
  firstHoverMs: Spread;
  errors: string[];
}

export interface CliSummary {
  tool: string;
  label: string;
  files: number;
  bytes: number;
  runs: number;
  wallMs: Spread;
  filesPerSecond: Spread;
  peakRssMb: Spread;
  cpuMs: Spread;
  exitCode: number | null;
  note?: string;
}

export interface WorkspaceSummary {
  files: number;
  runs: number;
  crossFindingsMs: Spread;
  peakRssMb: Spread;
  errors: string[];
}

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean | undefined;
}

export interface Results {
  machine: ReturnType<typeof machine>;
  options: Omit<Options, 'skip'> & { skip: string[] };
  inputs: { multi: Inputs['multi']; repo: Omit<Repo, 'teams' | 'root'> & { teams: number } };
  floor: FloorResult[];
  editor: EditorSummary[];
  workspace: WorkspaceSummary | undefined;
  cli: CliSummary[];
  bundle: { name: string; bytes: number; gzipBytes: number }[];
  activation: ActivationResult | undefined;
  targets: TargetCheck[];
  durationS: number;
}
