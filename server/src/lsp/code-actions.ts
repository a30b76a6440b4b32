/**
 * `textDocument/codeAction`: the quick fixes of the findings under the range, as
 * edits (or, for a plaintext secret with a client that stores secrets, the
 * `alertcfg.moveSecret` command).
 */
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command as LspCommand, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { type Finding, type OffsetEdit, fixesFor, parseConfigFile } from '../engine/index';
import { Command, type MoveSecretArgs } from '../protocol/index';
import { rangeToOffsets, toDiagnostic, toRange } from './convert';
import type { OpenDocument } from './documents';
import { safe, throwIfCancelled, uriOf } from './safe';
import type { Server } from './server';

export function registerCodeActions(server: Server): void {
  server.connection.onCodeAction(
    safe(server.logger, 'codeAction', [], async (params: CodeActionParams, token): Promise<(CodeAction | LspCommand)[]> => {
      const only = params?.context?.only;
      if (Array.isArray(only) && only.length && !only.some((k) => typeof k === 'string' && (k === '' || CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`)))) return [];
      const a = await server.analysisFor(uriOf(params));
      if (!a) return [];
      const { doc } = a;
      const found: Finding[] = a.mode === 'config' ? parseConfigFile(doc.text).findings : (await server.diagnostics.findings(doc, token)).findings;
      throwIfCancelled(token);
      const text = doc.text;
      const lines = doc.lines();
      const range = rangeToOffsets(lines, params.range);
      const version = doc.version;
      const out: CodeAction[] = [];
      for (const f of found) {
        if (f.start > range.end || f.end < range.start) continue;
        const fixes = fixesFor(f, { text, file: a.file, format: a.mode === 'config' ? 'yaml' : doc.format(), locale: server.locale });
        if (!fixes.length) continue;
        const diagnostic = toDiagnostic(f, { uri: doc.uri, lines, locate: (r) => server.diagnostics.locate(r) });
        for (const fix of fixes) {
          const base = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...(fix.preferred ? { isPreferred: true } : {}) };
          if (fix.moveSecret) {
            if (!server.secretStorage) continue;
            const args: MoveSecretArgs = { uri: doc.uri, version, start: fix.moveSecret.start, end: fix.moveSecret.end, name: fix.moveSecret.name };
            out.push({ ...base, command: { title: fix.title, command: Command.moveSecret, arguments: [args] } });
            continue;
          }
          if (fix.withoutSecretStorage && server.secretStorage) continue;
          if (!fix.edits.length) continue;
          out.push({ ...base, edit: workspaceEdit(server, doc, fix.edits) });
        }
      }
      return out;
    }),
  );
}

export function workspaceEdit(server: Server, doc: OpenDocument, edits: readonly OffsetEdit[]): WorkspaceEdit {
  const lines = doc.lines();
  const textEdits: TextEdit[] = edits.map((e) => ({ range: toRange(lines, e), newText: e.newText }));
  if (server.documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: textEdits }] };
  return { changes: { [doc.uri]: textEdits } };
}
