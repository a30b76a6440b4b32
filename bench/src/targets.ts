/**
 * The performance targets, checked against a run's results: met, not met, or not
 * measured in this run.
 */
import type { Results, TargetCheck } from './results';
import { round } from './stats';

export function checkTargets(results: Results): TargetCheck[] {
  const ed = (server: string, n: number) => results.editor.find((e) => e.server === server && e.resources === n);
  const ours5k = ed('alertcfg', 5000);
  const peer5k = ed('yaml-language-server', 5000);
  const ours100 = ed('alertcfg', 100);
  const out: TargetCheck[] = [];
  const add = (target: string, value: number | undefined, ok: (v: number) => boolean, unit = 'ms') =>
    out.push({ target, value: value === undefined || !Number.isFinite(value) ? 'not measured' : `${value} ${unit}`.trim(), met: value === undefined || !Number.isFinite(value) ? undefined : ok(value) });
  add('Edit → diagnostics at 5,000 resources, p50 ≤ 50 ms', ours5k?.edit.p50.median, (v) => v <= 50);
  add('Edit → diagnostics at 5,000 resources, p99 ≤ 100 ms', ours5k?.edit.p99.median, (v) => v <= 100);
  if (ours5k && peer5k) add('Edit → diagnostics at 5,000: ≥ 15× faster than yaml-language-server (p50)', round(peer5k.edit.p50.median / ours5k.edit.p50.median, 1), (v) => v >= 15, '×');
  add('Edit → diagnostics at 100 resources, p50 ≤ 15 ms', ours100?.edit.p50.median, (v) => v <= 15);
  add('Time to first diagnostics at 5,000 resources ≤ 250 ms', ours5k?.firstDiagnosticsMs.median, (v) => v <= 250);
  const ours = results.editor.filter((e) => e.server === 'alertcfg');
  if (ours.length) {
    add('Completion p99 ≤ 10 ms at every size (worst size)', Math.max(...ours.map((e) => e.completion.p99.median)), (v) => v <= 10);
    add('Hover p99 ≤ 10 ms at every size (worst size)', Math.max(...ours.map((e) => e.hover.p99.median)), (v) => v <= 10);
  }
  add('Server RSS at 5,000 resources ≤ 150 MB', ours5k?.peakRssMb.median, (v) => v <= 150, 'MB');
  add('Server RSS with the 10,000-file workspace indexed ≤ 250 MB', results.workspace?.peakRssMb.median, (v) => v <= 250, 'MB');
  const big = results.cli.filter((c) => c.files === results.inputs.repo.files);
  const oursCli = big.find((c) => c.tool === 'alertcfg');
  const ajvCli = big.find((c) => c.tool === 'ajv-cli');
  if (oursCli && ajvCli) {
    add(`CLI ≥ 2.5× ajv-cli's files/s on the ${results.inputs.repo.files}-file repository`, round(oursCli.filesPerSecond.median / ajvCli.filesPerSecond.median, 2), (v) => v >= 2.5, '×');
    add(`CLI ≥ 5× ajv-cli's files/s on the ${results.inputs.repo.files}-file repository`, round(oursCli.filesPerSecond.median / ajvCli.filesPerSecond.median, 2), (v) => v >= 5, '×');
    // The bound any Node CLI has here: starting node and reading the files, validating nothing.
    const floor = big.find((c) => c.tool === 'floor: node start-up + read every file');
    if (floor) out[out.length - 1]!.value += ` (a node process that only starts and reads the files: ${round(floor.filesPerSecond.median / ajvCli.filesPerSecond.median, 2)} ×)`;
  }
  add('CLI ≥ 2,000 files/s', oursCli?.filesPerSecond.median, (v) => v >= 2000, 'files/s');
  if (results.floor.length) add('Validation ≤ 1.5× the bare yaml parse of the same bytes (worst input)', round(Math.max(...results.floor.map((f) => f.ratio)), 2), (v) => v <= 1.5, '×');
  return out;
}
