/**
 * The commands about a file's resources: `alertcfg.template` (a new resource from
 * the vendor doc's example), `alertcfg.listActions` and `alertcfg.moveSecret` (the
 * quick fix that stores a plaintext secret in the client and writes the reference).
 */
import { type FileResult, type LineIndex, actionableResources, actionsFor, channelsFor, isKind, secretMoveFor, templateFor } from '../engine/index';
import { Command, type ListActionsArgs, type MoveSecretArgs, type MoveSecretResult, type ResourceActions, type TemplateArgs, type TemplateResult } from '../protocol/index';
import type { ServerContext } from './context';
import { toRange, workspaceEdit } from './convert';
import { fileForUri } from './resources';

export function registerResourceCommands(ctx: ServerContext): void {
  ctx.commands.register(Command.template, (args): TemplateResult | null => {
    const a = (args[0] ?? {}) as Partial<TemplateArgs>;
    if (!isKind(a.kind)) return null;
    return { text: typeof a.name === 'string' && a.name.trim() ? templateFor(a.kind, a.name.trim()) : templateFor(a.kind) };
  });

  ctx.commands.register(Command.listActions, async (args): Promise<ResourceActions[]> => {
    const a = (args[0] ?? {}) as Partial<ListActionsArgs>;
    if (typeof a.uri !== 'string') return [];
    const found = await fileForUri(ctx.analyses, a.uri);
    return found ? listActions(found.file, found.lines) : [];
  });

  ctx.commands.register(Command.moveSecret, (args) => moveSecret(ctx, (args[0] ?? {}) as Partial<MoveSecretArgs>));
}

/** The resources of a file that actions apply to, with their ranges and actions (also for CodeLens). */
export function listActions(file: FileResult, lines: LineIndex): ResourceActions[] {
  return actionableResources(file).map((t) => {
    const doc = file.documents[t.documentIndex]!;
    const start = doc.base + doc.root!.start;
    const end = doc.base + doc.root!.end;
    const name = t.envelope.name ?? file.results[t.documentIndex]?.summary?.vendorName?.value ?? '';
    const entry: ResourceActions = { documentIndex: t.documentIndex, kind: t.kind, name, start, end, actions: actionsFor(t.kind, t.body, t.envelope), range: toRange(lines, { start, end }) };
    const channels = channelsFor(t.kind, t.body);
    if (channels) entry.channels = channels;
    return entry;
  });
}

async function moveSecret(ctx: ServerContext, a: Partial<MoveSecretArgs>): Promise<MoveSecretResult> {
  const refuse = (message: string): MoveSecretResult => ({ stored: false, applied: false, message });
  if (typeof a.uri !== 'string' || typeof a.start !== 'number' || typeof a.end !== 'number' || typeof a.name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(a.name)) return refuse('Invalid arguments.');
  if (!ctx.secrets.storage) return refuse('This editor has no secret storage; use the ${env:...} quick fix instead.');
  const doc = ctx.documents.get(a.uri);
  if (!doc) return refuse('The document is not open.');
  if (typeof a.version === 'number' && a.version !== doc.version) return refuse('The document changed since the quick fix was offered; try again.');
  const analysis = await ctx.analyses.analysisFor(a.uri);
  const found = await ctx.diagnostics.findings(doc, undefined, analysis?.scope);
  const finding = found.findings.find((f) => f.code === 'secret-in-plaintext' && f.start === a.start && f.end === a.end);
  if (!finding || !analysis || found.version !== doc.version) return refuse('There is no plaintext secret at that place any more.');
  const move = secretMoveFor(finding, { text: doc.text, file: analysis.file, format: doc.format(), locale: ctx.client.locale });
  const edit = move?.edit(`\${secret:${a.name}}`);
  if (!move || !edit) return refuse('The secret could not be read from the document.');
  const version = doc.version;
  let stored = false;
  try {
    stored = await ctx.secrets.store(a.name, move.value);
  } catch (err) {
    return refuse(`The editor could not store the secret (${err instanceof Error ? err.message : 'error'}).`);
  }
  if (!stored) return refuse('The editor did not store the secret.');
  if (ctx.documents.get(a.uri) !== doc || doc.version !== version) return { stored: true, applied: false, message: `The secret was stored as ${a.name}, but the document changed meanwhile; write \${secret:${a.name}} yourself.` };
  const applied = await ctx.connection.workspace.applyEdit({ label: `Move secret to \${secret:${a.name}}`, edit: workspaceEdit(ctx.client.documentChanges, doc, [edit]) });
  return applied.applied ? { stored: true, applied: true } : { stored: true, applied: false, message: applied.failureReason ?? 'The editor did not apply the edit.' };
}
