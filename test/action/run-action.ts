/**
 * Runs a composite action's steps as the GitHub runner does, on this machine: each
 * `run` step with bash in the workspace, `${{ ... }}` in its `env` and `run` filled
 * in from the inputs (with their defaults), `github.*`, `runner.*` and earlier steps'
 * outputs; GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY are files read after
 * each step; the first step that fails stops the rest. Only what alertcfg's
 * action.yml uses is supported, and anything else fails the test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
  if?: string;
}

interface ActionFile {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface StepResult {
  id: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface ActionRun {
  steps: StepResult[];
  /** The action's outputs, as its `outputs:` map them. */
  outputs: Record<string, string>;
  summary: string;
  /** 0 when every step passed, else the failing step's exit code. */
  status: number | null;
}

export interface RunOptions {
  actionPath: string;
  workspace: string;
  /** A scratch folder: RUNNER_TEMP and the command files. */
  temp: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** Folders put before everything on PATH, after GITHUB_PATH additions too (test doubles). */
  pathFirst?: string[];
}

export function readAction(actionPath: string): ActionFile {
  return parse(readFileSync(join(actionPath, 'action.yml'), 'utf8')) as ActionFile;
}

export function runAction(o: RunOptions): ActionRun {
  const action = readAction(o.actionPath);
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  for (const name of Object.keys(o.inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input "${name}"`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = o.inputs[name] ?? spec.default ?? '';
  const files = { output: join(o.temp, 'output'), path: join(o.temp, 'path'), summary: join(o.temp, 'summary'), env: join(o.temp, 'env') };
  mkdirSync(join(o.temp, 'runner'), { recursive: true });
  writeFileSync(files.summary, '');
  writeFileSync(files.path, '');
  const added: string[] = [];
  const stepOutputs: Record<string, Record<string, string>> = {};
  const context = (expr: string): string => {
    const e = expr.trim();
    let m: RegExpExecArray | null;
    if ((m = /^inputs\.([\w-]+)$/.exec(e))) {
      if (!(m[1]! in inputs)) throw new Error(`unknown input ${m[1]}`);
      return inputs[m[1]!]!;
    }
    if (e === 'github.action_path') return o.actionPath;
    if (e === 'github.workspace') return o.workspace;
    if (e === 'runner.temp') return join(o.temp, 'runner');
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return stepOutputs[m[1]!]?.[m[2]!] ?? '';
    throw new Error(`expression not supported by this runner: \${{ ${e} }}`);
  };
  const fill = (s: string) => s.replace(/\$\{\{(.*?)\}\}/g, (_w, e: string) => context(e));
  const results: StepResult[] = [];
  let status: number | null = 0;
  for (const [i, step] of action.runs.steps.entries()) {
    if (step.uses || step.if) throw new Error(`step ${step.name ?? i}: "uses" and "if" are not supported by this runner`);
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${step.name ?? i}: only "run" steps with "shell: bash"`);
    writeFileSync(files.output, '');
    const stepEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = fill(String(v));
    const PATH = [...(o.pathFirst ?? []), ...added, process.env['PATH'] ?? ''].join(':');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...o.env,
      ...stepEnv,
      PATH,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: o.workspace,
      GITHUB_ACTION_PATH: o.actionPath,
      GITHUB_OUTPUT: files.output,
      GITHUB_PATH: files.path,
      GITHUB_ENV: files.env,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: join(o.temp, 'runner'),
    };
    delete env['NODE_OPTIONS'];
    // As the runner does for shell: bash.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', fill(step.run)], { cwd: o.workspace, env, encoding: 'utf8', timeout: 120_000 });
    const id = step.id ?? `step${i}`;
    results.push({ id, status: r.status, stdout: r.stdout, stderr: r.stderr });
    stepOutputs[id] = {};
    for (const line of readFileSync(files.output, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) stepOutputs[id]![line.slice(0, eq)] = line.slice(eq + 1);
    }
    added.unshift(...readFileSync(files.path, 'utf8').split('\n').filter(Boolean).reverse());
    writeFileSync(files.path, '');
    if (r.status !== 0) {
      status = r.status;
      break;
    }
  }
  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.outputs ?? {})) outputs[name] = fill(spec.value);
  return { steps: results, outputs, summary: readFileSync(files.summary, 'utf8'), status };
}
