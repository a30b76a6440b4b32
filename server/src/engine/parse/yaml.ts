/**
 * Parses a YAML stream document by document. Each document is parsed on its own
 * (see yaml-split), so a caller can reuse the result for documents whose text did
 * not change.
 */
import { parseDocument } from 'yaml';
import type { Finding } from '../model/finding';
import { type ParsedDocument, type ParseLimits, DEFAULT_PARSE_LIMITS } from './document';
import { readModelines } from './modeline';
import { splitYamlDocuments } from './yaml-split';
import type { Node, ScalarNode } from './tree';
import { YamlTreeBuilder } from './yaml-tree';

const YAML_OPTIONS = {
  uniqueKeys: true,
  merge: true,
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
} as const;

/** Parses one document's text; offsets in the result are relative to it. */
export function parseYamlDocument(
  text: string,
  index: number,
  base: number,
  inherited: { kind?: string; schema?: string } = {},
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedDocument {
  const syntax: Finding[] = [];
  const modes = readModelines(text);
  const modelineKind = modes.kind ?? inherited.kind;
  const modelineSchema = modes.schema ?? inherited.schema;
  let root;
  let broken = false;
  try {
    const doc = parseDocument(text, YAML_OPTIONS);
    for (const e of doc.errors) {
      const duplicate = e.code === 'DUPLICATE_KEY';
      if (!duplicate) broken = true;
      syntax.push({
        code: duplicate ? 'duplicate-key' : 'syntax-error',
        severity: 'error',
        message: duplicate ? 'Duplicate key: a key may appear only once in a mapping. Remove or rename one of them.' : yamlMessage(e.message),
        start: e.pos[0],
        end: Math.max(e.pos[1], e.pos[0] + 1),
        data: { parser: e.code },
      });
    }
    for (const w of doc.warnings) {
      syntax.push({ code: 'syntax-warning', severity: 'warning', message: yamlMessage(w.message), start: w.pos[0], end: Math.max(w.pos[1], w.pos[0] + 1) });
    }
    const builder = new YamlTreeBuilder(doc, limits.maxDepth);
    root = builder.build();
    syntax.push(...builder.findings);
    // The parser marks a duplicate key by its first character; the finding covers the whole key.
    for (const f of syntax) {
      if (f.code !== 'duplicate-key') continue;
      const key = keyAt(root, f.start);
      if (key) f.end = key.end;
    }
  } catch (err) {
    // The parser itself gave up (e.g. its stack on absurd nesting): one clear finding.
    broken = true;
    root = undefined;
    syntax.push({
      code: 'syntax-error',
      severity: 'error',
      message: err instanceof RangeError
        ? 'This document is nested too deeply to parse. Flatten the structure.'
        : `This document could not be parsed: ${err instanceof Error ? err.message : String(err)}`,
      start: 0,
      end: Math.min(text.length, 1),
    });
  }
  return { index, base, text, root, syntax, broken, modelineKind, modelineSchema };
}

export function parseYaml(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  let inherited: { kind?: string; schema?: string } = {};
  for (const seg of splitYamlDocuments(text)) {
    const doc = parseYamlDocument(text.slice(seg.start, seg.end), out.length, seg.start, inherited, limits);
    inherited = { kind: doc.modelineKind, schema: doc.modelineSchema };
    out.push(doc);
  }
  return out;
}

/** The map key that starts at an offset, if any. */
function keyAt(node: Node | undefined, offset: number): ScalarNode | undefined {
  if (!node || offset < node.start || offset > node.end) return undefined;
  if (node.type === 'map') {
    for (const e of node.entries) {
      if (e.key.start === offset) return e.key;
      const inner = keyAt(e.value, offset);
      if (inner) return inner;
    }
  } else if (node.type === 'seq') {
    for (const item of node.items) {
      const inner = keyAt(item, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The first line of a parser message, capitalised, ending with a period. */
function yamlMessage(message: string): string {
  // The parser reports its own stack overflow on absurd nesting as an error.
  if (message.startsWith('Maximum call stack size exceeded')) return 'This document is nested too deeply to parse. Flatten the structure.';
  let m = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  m = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(m) ? m : `${m}.`;
}
