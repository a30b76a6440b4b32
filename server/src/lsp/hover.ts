/** `textDocument/hover`: the engine's hover markdown in the client's language. */
import { type Hover, type HoverParams, MarkupKind } from 'vscode-languageserver';
import { hoverAt } from '../engine/index';
import { toOffset, toRange } from './convert';
import { safe, throwIfCancelled, uriOf } from './safe';
import type { ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    safe(ctx.logger, 'hover', null, async (params: HoverParams, token): Promise<Hover | null> => {
      const a = await ctx.analyses.analysisFor(uriOf(params));
      if (!a) return null;
      const { doc } = a;
      const text = doc.text;
      const lines = doc.lines();
      const offset = toOffset(lines, params.position);
      const secretNames = /\$\{secret:/.test(lines.lineText(lines.positionAt(offset).line)) ? await ctx.secrets.names() : undefined;
      throwIfCancelled(token);
      if (doc.text !== text) return null;
      const h = hoverAt(text, offset, a.file, { locale: ctx.client.locale, ...(secretNames ? { secretNames } : {}), mode: a.mode });
      if (!h) return null;
      return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(lines, h) };
    }),
  );
}
