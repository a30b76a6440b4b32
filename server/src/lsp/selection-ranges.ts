/** `textDocument/selectionRange`: expand selection from a value out to its document. */
import type { SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import { selectionRangesAt } from '../engine/index';
import { toOffset, toRange } from './convert';
import { safe, uriOf } from './safe';
import type { ServerContext } from './context';

export function registerSelectionRanges(ctx: ServerContext): void {
  ctx.connection.onSelectionRanges(
    safe(ctx.logger, 'selectionRange', null, async (params: SelectionRangeParams): Promise<SelectionRange[] | null> => {
      const a = await ctx.analyses.analysisFor(uriOf(params));
      if (!a || !Array.isArray(params.positions)) return null;
      const lines = a.doc.lines();
      const text = a.doc.text;
      return params.positions.map((p) => {
        const offset = toOffset(lines, p);
        const chain = a.mode === 'config' ? [] : selectionRangesAt(text, a.file, offset);
        if (!chain.length) return { range: toRange(lines, { start: offset, end: offset }) };
        let parent: SelectionRange | undefined;
        for (let i = chain.length - 1; i >= 0; i--) parent = { range: toRange(lines, chain[i]!), ...(parent ? { parent } : {}) };
        return parent!;
      });
    }),
  );
}
