/**
 * `workspace/executeCommand`: a registry of handlers by command id (protocol
 * module), so the actions code can add preview/send/push/clear/apply/replay
 * handlers with `registerCommand`. Implemented here: `alertcfg.template`,
 * `alertcfg.listActions` and `alertcfg.moveSecret`.
 */
import type { CancellationToken, ExecuteCommandParams } from 'vscode-languageserver/node';
import { type FileResult, type LineIndex, actionableResources, actionsFor, channelsFor, isKind, secretMoveFor, templateFor } from '../engine/index';
import { ClientRequest, Command, type ListActionsArgs, type MoveSecretArgs, type MoveSecretResult, type ResourceActions, type StoreSecretParams, type TemplateArgs, type TemplateResult } from '../protocol/index';
import { toRange } from './convert';
import { workspaceEdit } from './code-actions';
import { fileForUri } from './resources';
import { safe } from './safe';
import type { Server } from './server';

export interface CommandContext {
  server: Server;
  token: CancellationToken;
}

export type CommandHandler = (args: readonly unknown[], ctx: CommandContext) => unknown;

const handlers = new Map<string, CommandHandler>();

/** Adds (or replaces) the handler of a command id; returns a function that removes it. */
export function registerCommand(id: string, handler: CommandHandler): () => void {
  handlers.set(id, handler);
  return () => {
    if (handlers.get(id) === handler) handlers.delete(id);
  };
}

export function registerCommands(server: Server): void {
  server.connection.onExecuteCommand(
    safe(server.logger, 'executeCommand', null, async (params: ExecuteCommandParams, token) => {
      const id = typeof params?.command === 'string' ? params.command : '';
      const handler = handlers.get(id);
      if (!handler) {
        server.logger.log(`alertcfg: the command ${id || '(none)'} is not available in this server.`);
        return null;
      }
      const args = Array.isArray(params.arguments) ? params.arguments : [];
      return (await handler(args, { server, token })) ?? null;
    }),
  );
}

// ------------------------------------------------------------------ alertcfg.template

registerCommand(Command.template, (args): TemplateResult | null => {
  const a = (args[0] ?? {}) as Partial<TemplateArgs>;
  if (!isKind(a.kind)) return null;
  return { text: typeof a.name === 'string' && a.name.trim() ? templateFor(a.kind, a.name.trim()) : templateFor(a.kind) };
});

// ------------------------------------------------------------------ alertcfg.listActions

registerCommand(Command.listActions, async (args, { server }): Promise<ResourceActions[]> => {
  const a = (args[0] ?? {}) as Partial<ListActionsArgs>;
  if (typeof a.uri !== 'string') return [];
  const found = await fileForUri(server, a.uri);
  return found ? listActions(found.file, found.lines) : [];
});

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

// ------------------------------------------------------------------ alertcfg.moveSecret

registerCommand(Command.moveSecret, async (args, { server }): Promise<MoveSecretResult> => {
  const a = (args[0] ?? {}) as Partial<MoveSecretArgs>;
  const refuse = (message: string): MoveSecretResult => ({ stored: false, applied: false, message });
  if (typeof a.uri !== 'string' || typeof a.start !== 'number' || typeof a.end !== 'number' || typeof a.name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(a.name)) return refuse('Invalid arguments.');
  if (!server.secretStorage) return refuse('This editor has no secret storage; use the ${env:...} quick fix instead.');
  const doc = server.documents.get(a.uri);
  if (!doc) return refuse('The document is not open.');
  if (typeof a.version === 'number' && a.version !== doc.version) return refuse('The document changed since the quick fix was offered; try again.');
  const found = await server.diagnostics.findings(doc);
  const finding = found.findings.find((f) => f.code === 'secret-in-plaintext' && f.start === a.start && f.end === a.end);
  const analysis = await server.analysisFor(a.uri);
  if (!finding || !analysis || found.version !== doc.version) return refuse('There is no plaintext secret at that place any more.');
  const move = secretMoveFor(finding, { text: doc.text, file: analysis.file, format: doc.format(), locale: server.locale });
  const edit = move?.edit(`\${secret:${a.name}}`);
  if (!move || !edit) return refuse('The secret could not be read from the document.');
  const version = doc.version;
  const params: StoreSecretParams = { name: a.name, value: move.value };
  let stored = false;
  try {
    const r = await server.connection.sendRequest<{ stored?: boolean }>(ClientRequest.storeSecret, params);
    stored = r?.stored === true;
  } catch (err) {
    return refuse(`The editor could not store the secret (${err instanceof Error ? err.message : 'error'}).`);
  }
  if (!stored) return refuse('The editor did not store the secret.');
  server.forgetSecretNames();
  if (server.documents.get(a.uri) !== doc || doc.version !== version) return { stored: true, applied: false, message: `The secret was stored as ${a.name}, but the document changed meanwhile; write \${secret:${a.name}} yourself.` };
  const applied = await server.connection.workspace.applyEdit({ label: `Move secret to \${secret:${a.name}}`, edit: workspaceEdit(server, doc, [edit]) });
  return applied.applied ? { stored: true, applied: true } : { stored: true, applied: false, message: applied.failureReason ?? 'The editor did not apply the edit.' };
});
