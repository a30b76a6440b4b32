/**
 * What `alertcfg plan` and `apply` start from: the files under the paths, checked
 * as `validate` checks them (the workspace-wide rules included), and their
 * resources of synced kinds. An error anywhere, in a file or in `.alertcfg.yaml`,
 * stops the run before any request: the errors are printed as validate prints them.
 * Also the engine's context and runtime for the run (secrets, credentials, delivery).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import {
  type DesiredResource,
  type FileSummaries,
  type Finding,
  LineIndex,
  type SyncContext,
  type SyncRuntime,
  decodeFile,
  desiredResources,
  finishFindings,
  formatForPath,
  kindForPath,
  validateText,
  workspaceFindings,
} from '../engine/index';
import { deliveryExecutor, sleeper } from '../delivery/sync-executor';
import { cannotRead, readReason } from '../env/read-errors';
import { credentialSource, secretSource } from '../env/sources';
import { NODE_CRYPTO } from '../node/crypto';
import { discoverFiles, toPosix } from './discover';
import { type Project, loadProject } from './project';
import type { ActionIo } from './action-commands';

export interface Loaded {
  project: Project;
  desired: DesiredResource[];
  /** Exit code when the run must stop here (2: a path or file could not be read; 1: validation errors). */
  stop?: 1 | 2;
}

interface Checked {
  abs: string;
  name: string;
  text: string;
  findings: Finding[];
  result: ReturnType<typeof validateText>;
}

/** Reads and checks the files under `paths`; prints what stops the run. */
export function loadDesired(paths: string[], io: ActionIo, configPath: string | undefined): Loaded {
  const project = loadProject(io.cwd, configPath, paths[0]);
  const { files, missing } = discoverFiles(paths, io.cwd, project.root, project.settings);
  if (missing.length) {
    for (const m of missing) io.err(`alertcfg: ${picomatch.scan(m).isGlob ? `${m} matches no file` : cannotRead(m, { code: 'ENOENT' })}.\n`);
    return { project, desired: [], stop: 2 };
  }
  const display = (abs: string) => toPosix(relative(io.cwd, abs)) || '.';
  const checked: Checked[] = [];
  const summaries: FileSummaries[] = [];
  let unreadable = false;
  for (const abs of files) {
    if (abs === project.configFile) continue;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(abs);
    } catch (err) {
      io.err(`alertcfg: ${display(abs)}: cannot read: ${readReason(err)}.\n`);
      unreadable = true;
      continue;
    }
    const decoded = decodeFile(bytes, project.settings.maxFileSize);
    if (!decoded.ok && 'skip' in decoded) continue;
    const globKind = Object.keys(project.settings.schemas).length ? kindForPath(project.settings.schemas, toPosix(relative(project.root, abs))) : undefined;
    const result = decoded.ok ? validateText(decoded.text, { format: formatForPath(abs), globKind, settings: project.settings }) : undefined;
    const findings = decoded.ok ? result!.findings : finishFindings(decoded.text, [decoded.finding], project.settings);
    if (result?.ours || findings.length) checked.push({ abs, name: display(abs), text: decoded.text, findings, result: result ?? { documents: [], results: [], findings, ours: false } });
    if (result?.ours) summaries.push({ file: abs, bases: result.documents.map((d) => d.base), summaries: result.results.flatMap((r) => (r.summary ? [r.summary] : [])) });
  }
  if (unreadable) return { project, desired: [], stop: 2 };
  const byFile = new Map(checked.map((c) => [c.abs, c]));
  for (const [file, found] of workspaceFindings(summaries)) {
    const c = byFile.get(file)!;
    c.findings = finishFindings(c.text, [...c.findings, ...found], project.settings);
  }
  const errors: string[] = [];
  const report = (name: string, text: string, findings: readonly Finding[]) => {
    const lines = new LineIndex(text);
    for (const f of findings.filter((x) => x.severity === 'error')) {
      const p = lines.positionAt(f.start);
      errors.push(`${name}:${p.line + 1}:${p.character + 1} error ${f.code} ${f.message}`);
    }
  };
  if (project.configFile) report(display(project.configFile), project.configText ?? '', project.configFindings);
  for (const c of checked) report(c.name, c.text, c.findings);
  if (errors.length) {
    for (const e of errors) io.err(`${e}\n`);
    io.err(`alertcfg: ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first (alertcfg validate). Nothing was sent.\n`);
    return { project, desired: [], stop: 1 };
  }
  return { project, desired: checked.flatMap((c) => desiredResources(c.name, c.text, c.result)) };
}

/** The engine's context of a run: the project's settings, secrets and credentials from the environment. */
export function syncContext(project: Project, io: ActionIo, secretsFile: string | undefined): SyncContext {
  return {
    settings: project.settings,
    // Relative to the working directory of the run, like the paths and --config.
    secrets: secretSource(io.env, secretsFile === undefined ? undefined : resolve(io.cwd, secretsFile), secretsFile),
    credentials: credentialSource(io.env),
    now: () => new Date(),
    crypto: NODE_CRYPTO,
  };
}

/** Requests go out through delivery, with the project's timeout, allowed hosts and the environment's proxy. */
export function syncRuntime(project: Project, io: ActionIo, signal?: AbortSignal): SyncRuntime {
  const s = project.settings;
  return {
    executor: deliveryExecutor({ timeoutMs: s.timeoutMs, env: io.env, allowedExtraHosts: s.allowedHosts, ...(signal ? { signal } : {}) }),
    sleep: sleeper(signal),
    ...(signal ? { signal } : {}),
  };
}
