/**
 * A fast path for the YAML that alert configuration is written in: block mappings
 * and sequences, one-line plain and quoted scalars, one-line flow collections and
 * comments. It builds the engine's tree straight from the text, with exactly the
 * values and ranges that the `yaml` package plus YamlTreeBuilder produce (the
 * differential tests in test/unit/yaml-fast.test.ts hold it to that), and it is
 * several times faster because it makes no intermediate CST or Document.
 *
 * Anything outside that subset, anything the `yaml` package would report (an error
 * or a warning), and any layout whose ranges it does not model exactly makes it
 * give up: `parseYamlFast` then returns undefined and the caller uses the `yaml`
 * package. Giving up is always safe; guessing never happens.
 *
 * The parser is split by job: line-scanner.ts (lines, indentation, comments),
 * block-parser.ts (mappings and sequences), scalars.ts (keys and one-line scalars),
 * flow.ts (one-line flow collections), escapes.ts (quoted scalars) and
 * scalar-types.ts (what a plain scalar means).
 */
import type { Node } from '../tree';
import { BlockParser } from './block-parser';
import { BAIL, UNSUPPORTED } from './chars';

export { resolvePlain } from './scalar-types';

/** Parses one YAML document's text (a segment of a stream); undefined when it must go to the full parser. */
export function parseYamlFast(text: string): Node | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new BlockParser(text).document();
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}
