/**
 * `alertcfg preview | send | push | clear | replay FILE`: pick a resource,
 * plan the action with the engine, show it masked or send it, and report what the
 * vendor said. Exit 0 when the vendor said yes, 1 when it said no (or could not be
 * reached), 2 when nothing could be sent (usage, invalid resource, missing secret).
 */
import { relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import {
  ACTION_NAMES,
  type ActionName,
  actionsFor,
  type ActionReport,
  blockers,
  CHANNEL_NAMES,
  type Channel,
  decodeFile,
  formatForPath,
  httpText,
  kindForPath,
  planAction,
  previewPlan,
  runnableCurl,
  selectResource,
  validateText,
  verb,
} from '../engine/index';
import { executePlan } from '../delivery/execute';
import { UsageError, VALUE_HINTS, parse } from './args';
import { readNamedFile } from '../env/read-errors';
import { credentialSource, secretSource } from '../env/sources';
import { NODE_CRYPTO } from '../node/crypto';
import { toPosix } from './discover';
import { loadProject } from './project';
import type { Io } from './validate-command';

export interface ActionIo extends Io {
  env: NodeJS.ProcessEnv;
  /** Asks a yes/no question on the terminal; undefined when there is no terminal. */
  confirm?: (question: string) => Promise<boolean>;
}


const COMMON = {
  doc: { type: 'string', short: 'd' },
  config: { type: 'string', short: 'c' },
  'secrets-file': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export async function actionCommand(command: ActionName | 'preview', argv: string[], io: ActionIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...COMMON,
    action: { type: 'string' },
    curl: { type: 'boolean', default: false },
    channel: { type: 'string' },
    via: { type: 'string' },
    message: { type: 'string', short: 'm' },
    'dry-run': { type: 'boolean', default: false },
    url: { type: 'string' },
    yes: { type: 'boolean', short: 'y', default: false },
  });
  if (positionals.length !== 1) throw new UsageError(`${command} takes one FILE.`);
  const file = positionals[0]!;
  const doc = values['doc'] === undefined ? undefined : Number(values['doc']);
  if (doc !== undefined && (!/^\d+$/.test(String(values['doc'])) || !Number.isSafeInteger(doc))) throw new UsageError(`${VALUE_HINTS['doc']!.slice(0, -1)}, not "${String(values['doc'])}".`);
  const channel = values['channel'] as Channel | undefined;
  if (channel !== undefined && !CHANNEL_NAMES.includes(channel)) throw new UsageError(`--channel must be one of ${CHANNEL_NAMES.join(', ')}.`);
  const via = values['via'] as string | undefined;
  if (via !== undefined && via !== 'cloud' && via !== 'direct') throw new UsageError(`--via must be cloud or direct, not "${via}".`);
  if (via === 'cloud' && command !== 'send' && command !== 'preview') throw new UsageError('--via cloud is an option of send (and preview).');

  const project = loadProject(io.cwd, values['config'] as string | undefined, file);
  const bytes = readNamedFile(resolve(io.cwd, file), file, command);
  const decoded = decodeFile(bytes, project.settings.maxFileSize);
  if (!decoded.ok) {
    io.err(`alertcfg: ${file}: ${'skip' in decoded ? decoded.skip : decoded.finding.message}\n`);
    return 2;
  }
  const rel = toPosix(relative(project.root, resolve(io.cwd, file)));
  const result = validateText(decoded.text, { format: formatForPath(file), globKind: kindForPath(project.settings.schemas, rel), settings: project.settings });
  const sel = selectResource(result, doc);
  if (!sel.ok) {
    io.err(`alertcfg: ${file}: ${sel.message}\n`);
    return 2;
  }
  const t = sel.target;
  if (via === 'cloud' && t.kind !== 'Contact') {
    io.err(`alertcfg: ${file}: --via cloud asks Volcengine VMP to test a Contact's channel; a ${t.kind} is sent from here (without --via).\n`);
    return 2;
  }
  const action = command === 'preview' ? previewAction(values['action'] as string | undefined, actionsFor(t.kind, t.body, t.envelope)) : command;
  const plan = planAction({
    action,
    kind: t.kind,
    body: t.body,
    envelope: t.envelope,
    now: new Date(),
    settings: project.settings,
    // Relative to the working directory of the run, like FILE and --config.
    secrets: secretSource(io.env, values['secrets-file'] === undefined ? undefined : resolve(io.cwd, values['secrets-file'] as string), values['secrets-file'] as string | undefined),
    credentials: credentialSource(io.env),
    crypto: NODE_CRYPTO,
    ...(channel ? { channel } : {}),
    ...(via === 'cloud' ? { via: 'cloud' as const } : {}),
    ...(values['message'] !== undefined ? { message: values['message'] as string } : {}),
    ...(values['url'] !== undefined ? { url: values['url'] as string } : {}),
  });
  const preview = previewPlan(plan);
  const json = values['json'] === true;

  // A preview (or a dry run) is for looking: values not set yet show as <unset: …> and a note.
  if (command === 'preview' || values['dry-run'] === true) {
    if (json) io.out(`${JSON.stringify(preview, null, 2)}\n`);
    else {
      const curl = values['curl'] ? runnableCurl(plan) : undefined;
      for (const r of curl ? curl.commands : preview.requests.map((r) => `# ${r.label}\n${httpText(r)}`)) io.out(`${r}\n`);
      const secretsFile = values['secrets-file'] as string | undefined;
      // The shell does not read --secrets-file: it loads the file first (dotenv is shell syntax), with ALERTCFG_SECRET_<NAME> names.
      if (curl?.commands.length && secretsFile !== undefined) curl.notes.push(`Secrets from ${secretsFile}: load them into the shell first (set -a; . ${shellQuote(secretsFile.includes('/') ? secretsFile : `./${secretsFile}`)}; set +a), written as ALERTCFG_SECRET_<NAME>=value.`);
      for (const n of [...preview.notes, ...(curl?.notes ?? [])]) io.err(`note: ${n}\n`);
      for (const p of preview.problems) io.err(`problem: ${p}\n`);
    }
    return preview.problems.length ? 2 : 0;
  }
  const stops = blockers(preview);
  if (stops.length) {
    for (const p of stops) io.err(`alertcfg: ${p}\n`);
    io.err('alertcfg: nothing was sent.\n');
    return 2;
  }
  if (verb(action)?.confirm === 'always' && io.confirm && values['yes'] !== true) {
    const hosts = [...new Set(preview.requests.map((r) => hostOf(r.url)))].join(', ');
    if (!(await io.confirm(`Clear ${t.kind} "${t.name}" on ${hosts}? [y/N] `))) {
      io.err('alertcfg: cancelled; nothing was sent.\n');
      return 1;
    }
  }
  const reports = await executePlan(plan, { timeoutMs: project.settings.timeoutMs, env: io.env, allowedExtraHosts: project.settings.allowedHosts });
  if (json) io.out(`${JSON.stringify(reports, null, 2)}\n`);
  else io.out(reports.map(formatReport).join(''));
  return reports.length && reports.every((r) => r.success) ? 0 : 1;
}

/** The action asked for, or the resource's first (its main one). */
function previewAction(requested: string | undefined, offered: ActionName[]): ActionName {
  if (requested !== undefined) {
    if (!ACTION_NAMES.includes(requested as ActionName)) throw new UsageError(`--action must be one of ${ACTION_NAMES.join(', ')}.`);
    return requested as ActionName;
  }
  return offered[0] ?? 'send';
}

function shellQuote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function formatReport(r: ActionReport): string {
  const lines = [`${r.label} → ${r.host}: ${r.success ? 'success' : 'FAILED'}`];
  if (r.error) {
    lines.push(`  error ${r.error.code}: ${r.error.description}`);
    if (r.error.details) lines.push(`  advice: ${r.error.details}`);
  }
  for (const a of r.attempts) lines.push(`  attempt ${a.attempt}: ${a.status !== undefined ? `HTTP ${a.status}` : a.error ?? 'no answer'} (${Math.round(a.durationMs)} ms)`);
  if (r.webhookResp !== undefined) lines.push(`  response: ${typeof r.webhookResp === 'string' ? r.webhookResp : JSON.stringify(r.webhookResp)}`);
  for (const n of r.notes ?? []) lines.push(`  note: ${n}`);
  return `${lines.join('\n')}\n`;
}

/** A y/N question on the terminal. */
export async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
