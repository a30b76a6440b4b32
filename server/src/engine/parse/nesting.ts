/**
 * How deep a text nests, measured before the recursive part of a parser sees it.
 * The `yaml` package's composer and jsonc-parser recurse once per level, and past
 * some depth they run out of stack: where that happens depends on how much stack
 * the caller has already used, so the same text gave different findings in the CLI,
 * in the editor and from one call to the next, and a stack overflow that lands
 * while V8 compiles a regular expression kills the process ("RegExpCompiler
 * Allocation failed"). A text that nests deeper than a limit well below that point
 * is therefore not composed at all.
 *
 * For YAML the depth is read off the `yaml` package's own CST (its parser is
 * iterative), so it is exactly the depth the composer would recurse to, syntax
 * errors and their recovery included.
 */
import type { CST } from 'yaml';

/**
 * The offset of the first collection of the CST nested deeper than `limit` (a
 * document's top collection is depth 0), or -1.
 */
export function yamlNestingBeyond(tokens: readonly CST.Token[], limit: number): number {
  const stack: { token: CST.Token | undefined; depth: number }[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ token: tokens[i], depth: -1 });
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const d = depth + 1;
    if (d > limit) return token.offset;
    // Last item first, so the first too-deep collection in text order is found first.
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i]!;
      stack.push({ token: item.value, depth: d });
      stack.push({ token: item.key ?? undefined, depth: d });
    }
  }
  return -1;
}

/** Nesting beyond which a JSON text is not given to jsonc-parser (it runs out of stack at about 3,500 levels). */
export const JSON_SAFE_DEPTH = 2000;

/** The offset of the first JSON bracket nested deeper than `limit` (outside strings), or -1. */
export function jsonNestingBeyond(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: to its closing quote, escapes skipped.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}
