/**
 * Summaries of repeated runs: for each figure the median run's value with the
 * spread across runs (editor latencies and memory, CLI wall time and throughput).
 */
import type { EditorRun } from './editor';
import type { Timed } from './proc';
import type { CliSummary, EditorSummary, LatencySummary } from './results';
import { r1 } from './run';
import { type Latencies, latencies, spread } from './stats';

export function summariseLatencies(runs: Latencies[]): LatencySummary {
  return {
    p50: spread(runs.map((l) => r1(l.p50))),
    p90: spread(runs.map((l) => r1(l.p90))),
    p99: spread(runs.map((l) => r1(l.p99))),
    samplesPerRun: runs[0]?.n ?? 0,
  };
}

export function summariseEditor(server: string, resources: number, runs: EditorRun[], errors: string[]): EditorSummary {
  return {
    server,
    resources,
    bytes: runs[0]?.bytes ?? 0,
    runs: runs.length,
    firstDiagnosticsMs: spread(runs.map((r) => r1(r.firstDiagnosticsMs))),
    firstDiagnosticsCount: runs[0]?.firstDiagnosticsCount ?? 0,
    edit: summariseLatencies(runs.map((r) => latencies(r.editMs))),
    completion: summariseLatencies(runs.map((r) => latencies(r.completionMs))),
    hover: summariseLatencies(runs.map((r) => latencies(r.hoverMs))),
    peakRssMb: spread(runs.map((r) => r1(r.peakRssMb))),
    peakRssOpenMb: spread(runs.map((r) => r1(r.peakRssOpenMb))),
    completionItemsPerRequest: runs.length ? r1(runs[0]!.completionItems / Math.max(1, runs[0]!.completionMs.length)) : 0,
    hoversFound: runs.length ? `${runs[0]!.hoversFound}/${runs[0]!.hoverMs.length}` : '',
    firstCompletionMs: spread(runs.map((r) => r1(r.firstCompletionMs))),
    firstHoverMs: spread(runs.map((r) => r1(r.firstHoverMs))),
    errors,
  };
}

export function summariseCli(tool: string, label: string, files: number, bytes: number, runs: Timed[], note?: string): CliSummary {
  return {
    tool,
    label,
    files,
    bytes,
    runs: runs.length,
    wallMs: spread(runs.map((r) => r1(r.wallMs))),
    filesPerSecond: spread(runs.map((r) => Math.round(files / (r.wallMs / 1000)))),
    peakRssMb: spread(runs.map((r) => r1(r.peakRssMb))),
    cpuMs: spread(runs.map((r) => r1(r.userMs + r.sysMs))),
    exitCode: runs[0]?.exitCode ?? null,
    ...(note ? { note } : {}),
  };
}
