/**
 * `textDocument/codeAction`: the quick fixes of the findings under the range, as
 * edits (or, for a plaintext secret with a client that stores secrets, the
 * `alertcfg.moveSecret` command).
 */
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command as LspCommand } from 'vscode-languageserver';
import { type Finding, fixesFor, parseConfigFile } from '../engine/index';
import { Command, type MoveSecretArgs } from '../protocol/index';
import type { ServerContext } from './context';
import { rangeToOffsets, workspaceEdit } from './convert';
import { safe, throwIfCancelled, uriOf } from './safe';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    safe(ctx.logger, 'codeAction', [], async (params: CodeActionParams, token): Promise<(CodeAction | LspCommand)[]> => {
      const only = params?.context?.only;
      if (Array.isArray(only) && only.length && !only.some((k) => typeof k === 'string' && (k === '' || CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`)))) return [];
      const a = await ctx.analyses.analysisFor(uriOf(params));
      if (!a) return [];
      const { doc } = a;
      const found: Finding[] = a.mode === 'config' ? parseConfigFile(doc.text).findings : (await ctx.diagnostics.findings(doc, token, a.scope)).findings;
      throwIfCancelled(token);
      const text = doc.text;
      const lines = doc.lines();
      const range = rangeToOffsets(lines, params.range);
      const version = doc.version;
      const out: CodeAction[] = [];
      for (const f of found) {
        if (f.start > range.end || f.end < range.start) continue;
        const fixes = fixesFor(f, { text, file: a.file, format: a.mode === 'config' ? 'yaml' : doc.format(), locale: ctx.client.locale });
        if (!fixes.length) continue;
        const diagnostic = ctx.diagnostics.diagnostic(f, doc.uri, lines);
        for (const fix of fixes) {
          const base = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...(fix.preferred ? { isPreferred: true } : {}) };
          if (fix.moveSecret) {
            if (!ctx.secrets.storage) continue;
            const args: MoveSecretArgs = { uri: doc.uri, version, start: fix.moveSecret.start, end: fix.moveSecret.end, name: fix.moveSecret.name };
            out.push({ ...base, command: { title: fix.title, command: Command.moveSecret, arguments: [args] } });
            continue;
          }
          if (fix.withoutSecretStorage && ctx.secrets.storage) continue;
          if (!fix.edits.length) continue;
          out.push({ ...base, edit: workspaceEdit(ctx.client.documentChanges, doc, fix.edits) });
        }
      }
      return out;
    }),
  );
}
