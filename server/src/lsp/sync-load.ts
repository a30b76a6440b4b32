/**
 * What the sync commands start from, as `alertcfg plan` and `apply` do: the files
 * under the URIs named (a folder: the files its workspace folder's selection picks
 * below it; a file: itself, even one open in the editor only), an open editor's
 * text over the file on disk, checked as `validate` checks them (the workspace-wide
 * rules among them too), and their resources of synced kinds, per workspace folder. An error in a file or in
 * `.alertcfg.yaml` stops everything before any request.
 */
import {
  type DesiredResource,
  type FileResult,
  type FileSummaries,
  type Finding,
  LineIndex,
  type Settings,
  desiredResources,
  finishFindings,
  formatForPath,
  kindForPath,
  selectedFiles,
  validateText,
  workspaceFindings,
} from '../engine/index';
import type { SyncArgs } from '../protocol/index';
import type { Folder, ServerContext } from './context';
import { isConfigFileName } from './documents';

/** The resources of one workspace folder. */
export interface LoadedPart {
  folder: Folder;
  settings: Settings;
  desired: DesiredResource[];
  /** Each file's name in the plan (relative to the folder) → its URI. */
  uris: Map<string, string>;
}

export type Loaded = { ok: true; parts: LoadedPart[]; files: string[]; fingerprint: string } | { ok: false; problems: string[] };

interface Checked {
  uri: string;
  name: string;
  text: string;
  findings: Finding[];
  result: FileResult;
}

/** The files under the URIs (default: the workspace folders), checked, and their desired resources. */
export async function loadDesired(ctx: ServerContext, args: SyncArgs): Promise<Loaded> {
  const ws = ctx.workspace;
  const named = Array.isArray(args.uris) && args.uris.length ? args.uris.filter((u): u is string => typeof u === 'string') : ws.folders().map((f) => f.uri);
  if (!named.length) return { ok: false, problems: ['Open a folder first: sync plans the alert-config files of the workspace.'] };
  const byFolder = new Map<string, { folder: Folder; files: Set<string> }>();
  for (const uri of named) {
    const folder = ws.folderOf(uri);
    const path = ws.paths.pathOf(uri);
    if (!folder || path === undefined) return { ok: false, problems: [`${uri} is not in a workspace folder; sync plans the files of the workspace.`] };
    const entry = byFolder.get(folder.uri) ?? { folder, files: new Set<string>() };
    byFolder.set(folder.uri, entry);
    const rel = ws.paths.relativeInside(folder.path, path) ?? '';
    // A file (on disk, or open in the editor only); anything else is a folder.
    if (rel && (ctx.documents.get(uri) !== undefined || (await ws.files.stat(path)))) {
      if (!isConfigFileName(ws.paths, rel)) entry.files.add(rel);
      continue;
    }
    const { settings, selection } = await ws.selection(folder);
    const list = await ws.files.lister(folder.path, settings);
    let found = 0;
    for (const f of selectedFiles(list, selection, rel)) {
      if (isConfigFileName(ws.paths, f)) continue;
      entry.files.add(f);
      found++;
    }
    if (!found && rel) return { ok: false, problems: [`${rel} holds no file the workspace's file selection checks.`] };
  }

  const parts: LoadedPart[] = [];
  const errors: string[] = [];
  const files: string[] = [];
  for (const { folder, files: rels } of byFolder.values()) {
    const { settings } = await ws.selection(folder);
    const config = await ws.configFile(folder);
    if (config) report(errors, ws.paths.relativeInside(folder.path, config.path) ?? config.path, ctx.documents.get(ws.paths.uriOf(config.path))?.text ?? (await ws.files.readText(config.path)) ?? '', config.findings);
    const checked: Checked[] = [];
    const summaries: FileSummaries[] = [];
    for (const rel of [...rels].sort()) {
      const uri = ws.paths.uriOf(ws.paths.join(folder.path, rel));
      files.push(ws.paths.canonical(uri));
      const c = await check(ctx, uri, rel, settings);
      if (typeof c === 'string') {
        errors.push(c);
        continue;
      }
      if (!c) continue;
      checked.push(c);
      if (c.result.ours) summaries.push({ file: c.uri, bases: c.result.documents.map((d) => d.base), summaries: c.result.results.flatMap((r) => (r.summary ? [r.summary] : [])) });
    }
    const byUri = new Map(checked.map((c) => [c.uri, c]));
    for (const [file, found] of workspaceFindings(summaries)) {
      const c = byUri.get(file)!;
      c.findings = finishFindings(c.text, [...c.findings, ...found], settings);
    }
    for (const c of checked) report(errors, c.name, c.text, c.findings);
    parts.push({ folder, settings, desired: checked.flatMap((c) => desiredResources(c.name, c.text, c.result)), uris: new Map(checked.map((c) => [c.name, c.uri])) });
  }
  if (errors.length) {
    const n = errors.length;
    return { ok: false, problems: [...errors, `${n} error${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} first. Nothing was read from the cloud.`] };
  }
  if (typeof args.documentIndex === 'number') {
    for (const p of parts) p.desired = p.desired.filter((d) => d.documentIndex === args.documentIndex);
    if (files.length !== 1 || !parts.some((p) => p.desired.length)) return { ok: false, problems: [`Document ${args.documentIndex} of ${named[0]} is not a resource that syncs (Contact, KeyOperationNotification).`] };
  }
  return { ok: true, parts, files, fingerprint: fingerprint(parts) };
}

/** A file's text (the editor's when it is open), checked; a string says why it could not be read; undefined: not an alert-config file. */
async function check(ctx: ServerContext, uri: string, name: string, settings: Settings): Promise<Checked | string | undefined> {
  const open = await ctx.analyses.analysisFor(uri);
  if (open && open.mode === 'resource') return { uri, name, text: open.doc.text, findings: open.file.findings, result: open.file };
  const text = await ctx.analyses.fileText(uri, settings.maxFileSize);
  if (text === undefined) return `${name}: cannot read it (missing, not text, or larger than maxFileSize).`;
  const globKind = Object.keys(settings.schemas).length ? kindForPath(settings.schemas, name) : undefined;
  const result = validateText(text, { format: formatForPath(name), globKind, settings });
  return result.ours || result.findings.length ? { uri, name, text, findings: result.findings, result } : undefined;
}

function report(errors: string[], name: string, text: string, findings: readonly Finding[]): void {
  let lines: LineIndex | undefined;
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    lines ??= new LineIndex(text);
    const p = lines.positionAt(f.start);
    errors.push(`${name}:${p.line + 1}:${p.character + 1} error ${f.code} ${f.message}`);
  }
}

/** What was planned, as written (references unresolved): a plan applies only to the files it was made from. */
function fingerprint(parts: readonly LoadedPart[]): string {
  return JSON.stringify(parts.map((p) => [p.folder.uri, p.desired.map((d) => [d.kind, d.name, d.file, d.line, d.documentIndex, d.envelope, d.body])]));
}
