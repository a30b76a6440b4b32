/**
 * `alertcfg import --kind KIND --region R [--project P] [--endpoint URL] [--name GLOB] [--out DIR]`:
 * reads the live resources of one scope (one paginated sweep) and writes one
 * envelope file per resource into DIR, never over an existing file. Every secret
 * becomes a `${secret:…}` reference; the output names the secrets to store. Exit 0
 * when every resource was written or kept, 1 when the cloud could not be read or a
 * file could not be written, 2 on a usage error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Masker, SYNC_KINDS, importedFiles, readScope, scopeOf } from '../engine/index';
import { readReason } from '../env/read-errors';
import { UsageError, parse } from './args';
import type { ActionIo } from './action-commands';
import { toPosix } from './discover';
import { loadProject } from './project';
import { syncContext, syncRuntime } from './sync-load';

export async function importCommand(argv: string[], io: ActionIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    kind: { type: 'string', short: 'k' },
    region: { type: 'string', short: 'r' },
    project: { type: 'string', short: 'p' },
    endpoint: { type: 'string' },
    name: { type: 'string', short: 'n' },
    out: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
  });
  if (positionals.length) throw new UsageError(`import takes no PATH (it reads the cloud); write into a folder with --out DIR, not "${positionals[0]}".`);
  const kind = values['kind'] as string | undefined;
  if (!kind || !SYNC_KINDS.includes(kind)) throw new UsageError(`import needs --kind ${SYNC_KINDS.join(' or ')}${kind ? `, not "${kind}"` : ''}.`);
  const out = resolve(io.cwd, (values['out'] as string | undefined) ?? '.');
  const project = loadProject(io.cwd, values['config'] as string | undefined, out);
  const defaults = project.settings.defaults;
  const region = (values['region'] as string | undefined) ?? defaults.region;
  if (!region) throw new UsageError('import needs --region (or defaults.region in .alertcfg.yaml).');
  const projectId = (values['project'] as string | undefined) ?? defaults.projectId;
  if (kind === 'KeyOperationNotification' && !projectId) throw new UsageError('import --kind KeyOperationNotification needs --project (or defaults.projectId in .alertcfg.yaml).');
  const endpoint = values['endpoint'] as string | undefined;
  if (endpoint !== undefined && !/^https?:\/\/\S+$/.test(endpoint)) throw new UsageError(`--endpoint takes an http:// or https:// URL, not "${endpoint}".`);

  const target: Record<string, string> = { region, ...(kind === 'KeyOperationNotification' ? { projectId: projectId! } : {}), ...(endpoint ? { endpoint } : {}) };
  const ctx = syncContext(project, io, undefined);
  const { scope, problems } = scopeOf(ctx, { kind, body: {}, envelope: { target } });
  if (!scope) {
    for (const p of problems) io.err(`alertcfg: ${p}\n`);
    return 1;
  }
  const masker = new Masker();
  const read = await readScope(ctx, syncRuntime(project, io), scope, masker);
  if (read.problem) {
    io.err(masker.mask(`alertcfg: could not read the ${kind} resources of ${scope.label}: ${read.problem}\n`));
    return 1;
  }
  const files = importedFiles(kind, read.items, { target, source: `${kind} resources of ${scope.label}`, ...(values['name'] !== undefined ? { nameGlob: values['name'] as string } : {}) });
  const display = (abs: string) => toPosix(relative(io.cwd, abs)) || '.';
  let written = 0;
  let kept = 0;
  let failed = 0;
  const toStore: string[] = [];
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    io.err(`alertcfg: cannot create ${display(out)}: ${readReason(err)}.\n`);
    return 1;
  }
  for (const f of files) {
    const path = join(out, f.fileName);
    try {
      // `wx`: never over an existing file.
      writeFileSync(path, f.text, { flag: 'wx' });
      written++;
      io.out(`wrote ${display(path)} (${kind} "${f.name}")\n`);
      for (const s of f.secrets) toStore.push(`  ${s.variable}  for ${s.reference} (${display(path)}: ${s.path})`);
      for (const n of f.notes) io.out(`  note: ${n}\n`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        kept++;
        io.out(`kept ${display(path)}: it exists; not overwritten (${kind} "${f.name}")\n`);
      } else {
        failed++;
        io.err(`alertcfg: cannot write ${display(path)}: ${readReason(err)}.\n`);
      }
    }
  }
  if (toStore.length) io.out(`Store these secrets before plan or apply compares or sends them (ALERTCFG_SECRET_<NAME>, or NAME=value in a --secrets-file):\n${toStore.join('\n')}\n`);
  io.out(masker.mask(`Imported ${files.length} of ${read.items.length} ${kind} resource${read.items.length === 1 ? '' : 's'} of ${scope.label} (${read.requests} list request${read.requests === 1 ? '' : 's'}): ${written} written, ${kept} kept${failed ? `, ${failed} failed` : ''}.\n`));
  return failed ? 1 : 0;
}
