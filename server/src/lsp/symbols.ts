/** `textDocument/documentSymbol`: an outline per resource (kind and name), keys below it. */
import { type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { type LineIndex, type OutlineSymbol, documentSymbols } from '../engine/index';
import { toRange } from './convert';
import { safe, uriOf } from './safe';
import type { ServerContext } from './context';

const KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  resource: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
};

export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    safe(ctx.logger, 'documentSymbol', [], async (params: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[]> => {
      const a = await ctx.analyses.analysisFor(uriOf(params));
      if (!a || a.mode === 'config') return [];
      // A huge file answers with its resources (and fewer levels below them) so the outline stays quick.
      const resources = a.file.results.reduce((n, r) => n + (r.resource ? 1 : 0), 0);
      const outline = documentSymbols(a.file, { maxDepth: resources > 1000 ? 0 : resources > 200 ? 2 : 8, maxSymbols: 20_000 });
      const lines = a.doc.lines();
      if (ctx.client.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) return outline.map((s) => toSymbol(s, lines));
      const flat: SymbolInformation[] = [];
      const visit = (s: OutlineSymbol, container: string | undefined) => {
        flat.push({ name: s.name, kind: KIND[s.kind], location: { uri: a.doc.uri, range: toRange(lines, s) }, ...(container ? { containerName: container } : {}) });
        for (const c of s.children) visit(c, s.name);
      };
      for (const s of outline) visit(s, undefined);
      return flat;
    }),
  );
}

function toSymbol(s: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  const range = toRange(lines, s);
  // The selection must lie inside the range.
  const sel = s.selection.start >= s.start && s.selection.end <= s.end ? s.selection : { start: s.start, end: s.start };
  return {
    name: s.name || ' ',
    ...(s.detail ? { detail: s.detail } : {}),
    kind: KIND[s.kind],
    range,
    selectionRange: toRange(lines, sel),
    ...(s.children.length ? { children: s.children.map((c) => toSymbol(c, lines)) } : {}),
  };
}
