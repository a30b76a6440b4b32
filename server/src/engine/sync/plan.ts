/**
 * Planning: the repository's resources grouped by scope, each scope's live state
 * read once, resources matched by exact vendor name, and each one's change decided
 * (`create`, `update` with its fields, `noop`); live resources the repository does
 * not have are `unmanaged`, or `delete` under `--prune` when a `sync.prune` glob of
 * the configuration matches their name. Nothing is written here.
 */
import picomatch from 'picomatch';
import { Masker } from '../actions/mask';
import { resolveReferences } from '../actions/references';
import { SYNC_KINDS } from '../config/settings';
import { unresolvedPaths } from './compare';
import { readScope, scopeOf, specOf } from './read';
import { type Change, type DesiredResource, type LiveResource, type SyncContext, SyncInternals, type SyncPlan, type SyncRuntime, type SyncScope, type SyncSummary } from './types';

export interface PlanOptions {
  /** Live resources matching a `sync.prune` glob become `delete` (else `unmanaged`). */
  prune?: boolean;
}

interface ScopeEntry {
  scope: SyncScope;
  desired: DesiredResource[];
}

/** The globs of `sync.prune` for a kind. */
export function pruneGlobs(ctx: SyncContext, kind: string): string[] {
  return ctx.settings.sync?.prune?.[kind] ?? [];
}

/** Whether a name matches one of the globs (`*` and `?` within a name, `{a,b}`, `[…]`). */
export function matchesGlob(name: string, globs: readonly string[]): boolean {
  return globs.some((g) => picomatch.isMatch(name, g, { dot: true, nobrace: false }));
}

export function emptySummary(): SyncSummary {
  return { create: 0, update: 0, delete: 0, noop: 0, unmanaged: 0 };
}

/** Plans the sync of `desired` (the repository's resources of synced kinds) against the cloud. */
export async function planSync(desired: readonly DesiredResource[], ctx: SyncContext, run: SyncRuntime, options: PlanOptions = {}): Promise<SyncPlan> {
  const masker = new Masker();
  const internals = new SyncInternals(masker);
  const problems: string[] = [];
  const notes: string[] = [];
  const scopes = new Map<string, ScopeEntry>();
  for (const r of desired) {
    const { scope, problems: p } = scopeOf(ctx, r);
    if (!scope) {
      problems.push(`${r.file}:${r.line}: ${r.kind} "${r.name}": ${p.join(' ')}`);
      continue;
    }
    const entry = scopes.get(scope.key) ?? { scope, desired: [] };
    entry.desired.push(r);
    scopes.set(scope.key, entry);
  }
  // Under --prune, a kind with prune globs is read in its default scope too, so that removing its last resource still deletes it.
  if (options.prune) {
    for (const kind of SYNC_KINDS) {
      if (!pruneGlobs(ctx, kind).length) continue;
      const { scope } = scopeOf(ctx, { kind, body: {}, envelope: {} });
      if (scope && !scopes.has(scope.key)) scopes.set(scope.key, { scope, desired: [] });
    }
  }

  const changes: Change[] = [];
  let reads = 0;
  const keptForLackOfGlobs = new Set<string>();
  for (const { scope, desired: wanted } of scopes.values()) {
    const read = await readScope(ctx, run, scope, masker);
    reads += read.requests;
    if (read.problem) {
      problems.push(`Could not read the ${scope.kind} resources of ${scope.label}, so ${wanted.length === 1 ? 'its resource was' : `its ${wanted.length} resources were`} not planned: ${read.problem}`);
      continue;
    }
    const spec = specOf(scope.kind)!;
    const live = new Map<string, LiveResource>();
    for (const item of read.items) if (!live.has(item.name)) live.set(item.name, item);
    const seen = new Map<string, DesiredResource>();
    for (const r of wanted) {
      const first = seen.get(r.name);
      if (first) {
        problems.push(`${r.file}:${r.line}: ${r.kind} "${r.name}" is defined again (first at ${first.file}:${first.line}) for ${scope.label}; the vendor keeps one per name. Only the first was planned.`);
        continue;
      }
      seen.set(r.name, r);
      const resolved = resolveReferences(r.body, ctx.secrets);
      for (const s of resolved.secrets) masker.add(s);
      const { $schema: _schema, ...body } = resolved.value;
      const unresolved = unresolvedPaths(body);
      const match = live.get(r.name);
      const base = { kind: r.kind, name: r.name, scope: scope.key, scopeLabel: scope.label, file: r.file, line: r.line, documentIndex: r.documentIndex, notes: [] as string[] };
      let change: Change;
      if (match) {
        const { fields, secrets } = spec.compare(body, match, { unresolved, masker, secretsPlain: read.secretsPlain });
        change = { ...base, action: fields.length ? 'update' : 'noop', fields, secrets, id: match.id };
      } else {
        change = { ...base, action: 'create', fields: [], secrets: [...unresolved].map((path) => ({ path, state: 'unset' as const })) };
      }
      changes.push(change);
      internals.setWork(change, { desired: r, ...(match ? { live: match } : {}), scope });
    }
    const globs = pruneGlobs(ctx, scope.kind);
    const others = [...live.values()].filter((l) => !seen.has(l.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const l of others) {
      const doomed = options.prune === true && matchesGlob(l.name, globs);
      const why = !options.prune || doomed ? [] : globs.length ? [`kept: matches no sync.prune glob for ${scope.kind} (${globs.join(', ')})`] : [`kept: no sync.prune glob for ${scope.kind}`];
      if (options.prune && !globs.length) keptForLackOfGlobs.add(scope.kind);
      const change: Change = { kind: scope.kind, name: l.name, action: doomed ? 'delete' : 'unmanaged', scope: scope.key, scopeLabel: scope.label, fields: [], secrets: [], notes: why, id: l.id };
      changes.push(change);
      internals.setWork(change, { live: l, scope });
    }
  }
  for (const kind of keptForLackOfGlobs) {
    notes.push(`--prune deletes nothing of ${kind}: the configuration has no sync.prune globs for it (in .alertcfg.yaml: sync: {prune: {${kind}: ["<glob>"]}}).`);
  }
  const summary = emptySummary();
  for (const c of changes) summary[c.action]++;
  return { changes, summary, problems: problems.map((p) => masker.mask(p)), notes: notes.map((n) => masker.mask(n)), reads, internals };
}

/** True when applying the plan would write something (create, update or delete). */
export function hasChanges(plan: Pick<SyncPlan, 'summary'>): boolean {
  return plan.summary.create + plan.summary.update + plan.summary.delete > 0;
}
