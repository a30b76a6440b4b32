/**
 * `alertcfg apply [PATH...]`: plans as `alertcfg plan` does, shows the plan, asks
 * once on a terminal (unless --yes), then creates, updates and (with --prune and a
 * matching `sync.prune` glob) deletes, four writes at a time, with progress on a
 * terminal. A second apply of the same repository sends no write. One resource's
 * failure does not stop the others; exit 1 when any failed, so that a rerun can
 * converge. `apply FILE --doc N` works on one resource of a file.
 */
import { type ApplyReport, type SyncPlan, applySync, applyText, hasChanges, planObject, planSync, planText } from '../engine/index';
import { UsageError, VALUE_HINTS, parse } from './args';
import type { ActionIo } from './action-commands';
import { loadDesired, syncContext, syncRuntime } from './sync-load';

export async function applyCommand(argv: string[], io: ActionIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    yes: { type: 'boolean', short: 'y', default: false },
    prune: { type: 'boolean', default: false },
    doc: { type: 'string', short: 'd' },
    concurrency: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    config: { type: 'string', short: 'c' },
    'secrets-file': { type: 'string' },
  });
  const doc = values['doc'] === undefined ? undefined : Number(values['doc']);
  if (doc !== undefined && (!/^\d+$/.test(String(values['doc'])) || !Number.isSafeInteger(doc))) throw new UsageError(`${VALUE_HINTS['doc']!.slice(0, -1)}, not "${String(values['doc'])}".`);
  if (doc !== undefined && positionals.length !== 1) throw new UsageError('--doc picks a resource of one FILE: name exactly one file.');
  if (doc !== undefined && values['prune'] === true) throw new UsageError('--prune compares the cloud with every resource under the paths; it cannot be used with --doc.');
  const concurrency = values['concurrency'] === undefined ? undefined : Number(values['concurrency']);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) throw new UsageError(`--concurrency takes a whole number from 1 to 64, not "${String(values['concurrency'])}".`);
  const json = values['json'] === true;

  const loaded = loadDesired(positionals, io, values['config'] as string | undefined);
  if (loaded.stop) return loaded.stop;
  let desired = loaded.desired;
  if (doc !== undefined) {
    desired = desired.filter((d) => d.documentIndex === doc);
    if (!desired.length) {
      io.err(`alertcfg: document ${doc} of ${positionals[0]} is not a Contact or KeyOperationNotification.\n`);
      return 2;
    }
  }
  const ctx = syncContext(loaded.project, io, values['secrets-file'] as string | undefined);
  const abort = new AbortController();
  const runtime = syncRuntime(loaded.project, io, abort.signal);
  const plan = await planSync(desired, ctx, runtime, { prune: values['prune'] === true });
  const problems = () => {
    for (const p of plan.problems) io.err(`alertcfg: ${p}\n`);
  };

  if (!json) io.out(planText(plan));
  if (values['dry-run'] === true || !hasChanges(plan)) {
    if (json) io.out(`${JSON.stringify({ plan: planObject(plan), outcomes: [] }, null, 2)}\n`);
    else if (!hasChanges(plan)) io.out(plan.problems.length ? 'Nothing to apply of what could be planned.\n' : 'Nothing to apply: the cloud matches the repository.\n');
    problems();
    return plan.problems.length ? 1 : 0;
  }
  if (io.confirm && values['yes'] !== true) {
    const s = plan.summary;
    const n = s.create + s.update + s.delete;
    const what = [s.create && `${s.create} to create`, s.update && `${s.update} to update`, s.delete && `${s.delete} to delete`].filter(Boolean).join(', ');
    if (!(await io.confirm(`Apply ${n} change${n === 1 ? '' : 's'} (${what}) on ${hosts(plan).join(', ')}? [y/N] `))) {
      io.err('alertcfg: cancelled; nothing was sent.\n');
      return 1;
    }
  }
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  let report: ApplyReport;
  try {
    const progress = io.isTTY && !json ? (p: { done: number; total: number; current?: string }) => io.err(`\r\x1b[KApplying ${p.done}/${p.total}${p.current ? `: ${p.current}` : ''}`) : undefined;
    report = await applySync(plan, ctx, runtime, { ...(concurrency ? { concurrency } : {}), ...(progress ? { onProgress: progress } : {}) });
    if (progress) io.err('\r\x1b[K');
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  if (json) io.out(plan.internals.masker.mask(`${JSON.stringify({ plan: planObject(plan), outcomes: report.outcomes, summary: report.summary, writes: report.writes }, null, 2)}\n`));
  else io.out(applyText(report, plan));
  problems();
  return plan.problems.length || report.summary.failed || report.summary.cancelled ? 1 : 0;
}

/** The hosts a plan writes to, for the question. */
function hosts(plan: SyncPlan): string[] {
  const out = new Set<string>();
  for (const c of plan.changes) {
    if (c.action !== 'create' && c.action !== 'update' && c.action !== 'delete') continue;
    const endpoint = plan.internals.work(c)?.scope.target['endpoint'];
    if (!endpoint) continue;
    try {
      out.add(new URL(endpoint).host);
    } catch {
      out.add(endpoint);
    }
  }
  return [...out];
}
