/**
 * Workspace scale: our server opens a generated GitOps repository as its workspace
 * folder and indexes it (every file's resource names) to run the workspace-wide
 * rules. Measured: from `initialized` to the publication that carries the
 * cross-file finding (Conflict.Name) for one of the two clashing files, opened at
 * once; and the server's peak RSS with the repository indexed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession, type ServerSpec, sleep } from './lsp';

export interface WorkspaceRun {
  files: number;
  /** initialized → publication with the cross-file finding. */
  crossFindingsMs: number;
  /** Peak RSS with the repository indexed (after a quiet second). */
  peakRssMb: number;
}

export async function runWorkspace(spec: ServerSpec, root: string, clashFile: string, files: number, timeoutMs: number): Promise<WorkspaceRun> {
  const s = await LspSession.start(spec, root);
  // LspSession.start returns after sending `initialized`.
  const started = performance.now();
  try {
    const uri = pathToFileURL(join(root, clashFile)).href;
    await s.open(uri, readFileSync(join(root, clashFile), 'utf8'));
    const got = await s.waitFor(uri, 0, (p) => p.diagnostics.some((d) => d.code === 'Conflict.Name'), timeoutMs);
    const crossFindingsMs = got.at - started;
    await sleep(1000);
    return { files, crossFindingsMs, peakRssMb: s.peakRssMb() };
  } finally {
    await s.shutdown();
  }
}
