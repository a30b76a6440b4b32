/** `textDocument/foldingRange`: mappings, lists, documents and comment runs, by lines. */
import { type FoldingRange, FoldingRangeKind, type FoldingRangeParams } from 'vscode-languageserver';
import { foldingRanges } from '../engine/index';
import { safe, uriOf } from './safe';
import type { ServerContext } from './context';

export function registerFolding(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(
    safe(ctx.logger, 'foldingRange', [], async (params: FoldingRangeParams): Promise<FoldingRange[]> => {
      const a = await ctx.analyses.analysisFor(uriOf(params));
      if (!a || a.mode === 'config') return [];
      const limit = ctx.client.capabilities.textDocument?.foldingRange?.rangeLimit;
      const lines = a.doc.lines();
      const out: FoldingRange[] = [];
      const seen = new Set<number>();
      for (const r of foldingRanges(a.doc.text, a.file)) {
        const startLine = lines.positionAt(r.start).line;
        const endLine = lines.positionAt(r.end).line;
        // One range per start line (the outermost), as clients expect.
        if (endLine <= startLine || seen.has(startLine)) continue;
        seen.add(startLine);
        out.push({ startLine, endLine, ...(r.kind ? { kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region } : {}) });
        if (typeof limit === 'number' && out.length >= limit) break;
      }
      return out;
    }),
  );
}
