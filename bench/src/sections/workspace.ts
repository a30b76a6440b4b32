/**
 * The workspace section: the server indexes the generated repository and
 * publishes the cross-file finding; time and memory.
 */
import type { Inputs } from '../inputs';
import type { Options } from '../options';
import type { WorkspaceSummary } from '../results';
import { DIST, log, r1 } from '../run';
import { alertcfgServer } from '../servers';
import { spread } from '../stats';
import { type WorkspaceRun, runWorkspace } from '../workspace';

export async function workspaceSection(o: Options, inputs: Inputs): Promise<WorkspaceSummary> {
  const runs: WorkspaceRun[] = [];
  const errors: string[] = [];
  for (let r = 0; r < o.runs; r++) {
    log(`workspace: index ${inputs.repo.files} files and publish the cross-file finding, run ${r + 1}/${o.runs}`);
    try {
      runs.push(await runWorkspace(alertcfgServer(DIST), inputs.repo.root, inputs.repo.clash[1], inputs.repo.files, 120_000));
    } catch (err) {
      errors.push((err as Error).message.split('\n')[0]!);
    }
  }
  const sum = { files: inputs.repo.files, runs: runs.length, crossFindingsMs: spread(runs.map((r) => r1(r.crossFindingsMs))), peakRssMb: spread(runs.map((r) => r1(r.peakRssMb))), errors };
  log(`workspace: cross-file finding after ${sum.crossFindingsMs.median} ms, RSS ${sum.peakRssMb.median} MB`);
  return sum;
}
