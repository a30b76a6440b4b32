/**
 * `alertcfg.import`: the live resources of one scope (one paginated sweep, as
 * `alertcfg import` reads them) as new envelope files for a folder of the
 * workspace, every secret a `${secret:…}` reference. The server writes nothing:
 * it answers each file's URI and text and whether a file is there already (the
 * client then keeps it), and the secrets to store. Refused in an untrusted
 * workspace and where nothing can be sent.
 */
import { Masker, SYNC_KINDS, importedFiles, readScope, scopeOf } from '../engine/index';
import { Command, type ImportArgs, type ImportResult } from '../protocol/index';
import type { ServerContext } from './context';
import { syncContext, syncRefusal, syncRuntime } from './sync-plan';

export function registerImportCommand(ctx: ServerContext): void {
  ctx.commands.register(Command.import, (args) => importFromCloud(ctx, (args[0] ?? {}) as Partial<ImportArgs>));
}

function failed(problem: string): ImportResult {
  return { ok: false, files: [], secrets: [], problems: [problem], notes: [], summary: '' };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

async function importFromCloud(ctx: ServerContext, a: Partial<ImportArgs>): Promise<ImportResult> {
  const refused = syncRefusal(ctx);
  if (refused) return failed(refused);
  const kind = text(a.kind);
  if (!kind || !SYNC_KINDS.includes(kind)) return failed(`Import needs a kind that syncs: ${SYNC_KINDS.join(' or ')}${kind ? `, not "${kind}"` : ''}.`);
  const ws = ctx.workspace;
  const folderUri = text(a.folder);
  const folderPath = folderUri === undefined ? undefined : ws.paths.pathOf(folderUri);
  const wsFolder = folderUri === undefined ? undefined : ws.folderOf(folderUri);
  if (!folderUri || folderPath === undefined || !wsFolder) return failed('Import writes into a folder of the workspace: name one.');
  const { settings } = await ws.selection(wsFolder);
  const region = text(a.region) ?? settings.defaults.region;
  if (!region) return failed('Import needs a region (or defaults.region in .alertcfg.yaml).');
  const projectId = text(a.projectId) ?? settings.defaults.projectId;
  if (kind === 'KeyOperationNotification' && !projectId) return failed('Importing KeyOperationNotification needs a project ID (or defaults.projectId in .alertcfg.yaml).');
  const endpoint = text(a.endpoint);
  if (endpoint !== undefined && !/^https?:\/\/\S+$/.test(endpoint)) return failed(`The endpoint must be an http:// or https:// URL, not "${endpoint}".`);
  const nameGlob = text(a.nameGlob);

  const target: Record<string, string> = { region, ...(kind === 'KeyOperationNotification' ? { projectId: projectId! } : {}), ...(endpoint ? { endpoint } : {}) };
  const sctx = await syncContext(ctx, settings, []);
  const { scope, problems } = scopeOf(sctx, { kind, body: {}, envelope: { target } });
  if (!scope) return failed(problems.join(' '));
  const masker = new Masker();
  const read = await readScope(sctx, syncRuntime(ctx, settings), scope, masker);
  if (read.problem) return failed(masker.mask(`Could not read the ${kind} resources of ${scope.label}: ${read.problem}`));
  const made = importedFiles(kind, read.items, { target, source: `${kind} resources of ${scope.label}`, ...(nameGlob ? { nameGlob } : {}) });

  const result: ImportResult = { ok: true, files: [], secrets: [], problems: [], notes: [], summary: '' };
  let kept = 0;
  for (const f of made) {
    const path = ws.paths.join(folderPath, f.fileName);
    const uri = ws.paths.uriOf(path);
    const exists = (await ws.files.stat(path)) !== undefined;
    if (exists) kept++;
    result.files.push({ uri, kind: f.kind, name: f.name, text: f.text, exists });
    if (!exists) for (const s of f.secrets) result.secrets.push({ name: s.name, reference: s.reference, path: s.path, uri });
    for (const n of f.notes) result.notes.push(masker.mask(`${f.fileName}: ${n}`));
  }
  const n = read.items.length;
  result.summary = masker.mask(`Imported ${made.length} of ${n} ${kind} resource${n === 1 ? '' : 's'} of ${scope.label} (${read.requests} list request${read.requests === 1 ? '' : 's'}): ${made.length - kept} new, ${kept} kept (a file of that name exists).`);
  ctx.logger.log(`alertcfg: import: ${result.summary}`);
  return result;
}
