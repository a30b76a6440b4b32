/** `textDocument/completion`: the engine's completion entries as LSP items. */
import { type CompletionItem, CompletionItemKind, type CompletionList, type CompletionParams, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver';
import { type CompletionEntry, type LineIndex, completionsAt } from '../engine/index';
import { toOffset, toRange } from './convert';
import { safe, throwIfCancelled, uriOf } from './safe';
import type { ServerContext } from './context';

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
  reference: CompletionItemKind.Reference,
};

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(
    safe(ctx.logger, 'completion', EMPTY, async (params: CompletionParams, token) => {
      const a = await ctx.analyses.analysisFor(uriOf(params));
      if (!a) return EMPTY;
      throwIfCancelled(token);
      const { doc } = a;
      const text = doc.text;
      const lines = doc.lines();
      const offset = toOffset(lines, params.position);
      const lineStart = lines.lineStart(lines.positionAt(offset).line);
      const wantsSecrets = /\$\{secret:[A-Za-z0-9_.-]*$/.test(text.slice(lineStart, offset)) || /\$\{[a-z]*$/.test(text.slice(lineStart, offset));
      const secretNames = wantsSecrets ? await ctx.secrets.names() : undefined;
      throwIfCancelled(token);
      if (doc.text !== text) return EMPTY; // edited while we waited; the client asks again
      const entries = completionsAt(text, offset, a.file, { locale: ctx.client.locale, format: doc.format(), ...(secretNames ? { secretNames } : {}), mode: a.mode });
      const snippets = ctx.client.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
      const items: CompletionItem[] = [];
      for (const e of entries) {
        const item = toItem(e, lines, snippets);
        if (item) items.push(item);
      }
      return { isIncomplete: false, items };
    }),
  );
}

function toItem(e: CompletionEntry, lines: LineIndex, snippets: boolean): CompletionItem | undefined {
  let insert = e.insertText;
  if (e.snippet && !snippets) insert = unsnippet(insert);
  const range = toRange(lines, e);
  const item: CompletionItem = {
    label: e.label,
    kind: KIND[e.kind],
    sortText: e.sortText,
    insertTextFormat: e.snippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (e.detail) item.detail = e.detail;
  if (e.documentation) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
  if (e.filterText) item.filterText = e.filterText;
  if (insert.includes('\n')) item.insertTextMode = InsertTextMode.adjustIndentation;
  // A text edit must stay on one line; a multi-line replacement falls back to plain insertion.
  if (range.start.line === range.end.line) item.textEdit = { range, newText: insert };
  else item.insertText = insert;
  return item;
}

/** A snippet as plain text, for clients without snippet support: placeholders become their defaults. */
export function unsnippet(s: string): string {
  return s
    .replace(/\$\{\d+\|([^|]*)\|\}/g, (_m, list: string) => list.split(/(?<!\\),/)[0] ?? '')
    .replace(/\$\{\d+:((?:[^{}\\]|\\.)*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\,|])/g, '$1');
}
