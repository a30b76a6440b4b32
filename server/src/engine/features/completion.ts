/**
 * Completion: keys (required first, as snippets with the doc's example as the
 * placeholder), enum values, `kind`/`apiVersion`, a whole resource per kind, and
 * `${secret:` / `${env:` reference names. Offsets in, offsets out.
 */
import { getLocation } from 'jsonc-parser';
import { parse as parseYaml, stringify } from 'yaml';
import { kindModules } from '../kinds/index';
import type { SourceFormat } from '../parse/document';
import { JSON_SAFE_DEPTH, jsonNestingBeyond } from '../parse/nesting';
import { parseSource } from '../parse/source';
import { type PathSegment, nodeAt } from '../parse/tree';
import { type PropertyInfo, type Schema, type SchemaRoot, allowedValues, propertiesOf, schemaAt, typesOf } from '../schema/lookup';
import { templateFor } from '../templates';
import { lineStartAt } from '../text/line-breaks';
import { type AnalysedFile, type Locale, type SchemaMode, description, documentIndexAt, enumDescriptions, firstExample, labels, schemaRootOf, typeLabel } from './common';
import { yamlSpotAt } from './yaml-context';

export type CompletionEntryKind = 'property' | 'value' | 'snippet' | 'reference';

export interface CompletionEntry {
  label: string;
  kind: CompletionEntryKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** insertText is a snippet (`${1:placeholder}`). Lines after the first are relative to the line's indentation. */
  snippet: boolean;
  /** File offsets of the text the entry replaces. */
  start: number;
  end: number;
  sortText: string;
  filterText?: string;
}

export interface CompletionOptions {
  locale: Locale;
  format: SourceFormat;
  /** Names of the secrets the client's secret storage holds, if it told us. */
  secretNames?: readonly string[];
  mode?: SchemaMode;
}

export function completionsAt(text: string, offset: number, file: AnalysedFile, options: CompletionOptions): CompletionEntry[] {
  const off = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, text.length));
  const refs = referenceCompletions(text, off, options);
  if (refs) return refs;
  // A text with nothing of ours in it yet (a new file, a first key) is not parsed by validateText.
  if (file.documents.length === 0) file = { documents: parseSource(text, options.format), results: [] };
  if (file.documents.length === 0) return [];
  const index = documentIndexAt(file, off);
  const doc = file.documents[index]!;
  const root = schemaRootOf(file, index, options.mode, off);
  if (!root) return [];
  const ctx: Ctx = { text, off, file, index, root, options, unit: indentUnit(doc.text) };
  return options.format === 'json' ? jsonCompletions(ctx) : yamlCompletions(ctx);
}

interface Ctx {
  text: string;
  off: number;
  file: AnalysedFile;
  index: number;
  root: SchemaRoot;
  options: CompletionOptions;
  unit: string;
}

// ---------------------------------------------------------------- references

const REF_NAME = /\$\{(secret|env):([A-Za-z0-9_.-]*)$/;
const REF_START = /\$\{([a-z]*)$/;

function referenceCompletions(text: string, off: number, options: CompletionOptions): CompletionEntry[] | undefined {
  const prefix = text.slice(lineStartAt(text, off), off);
  const after = /^[A-Za-z0-9_.-]*/.exec(text.slice(off, off + 200))![0];
  const closed = text.charAt(off + after.length) === '}';
  const m = REF_NAME.exec(prefix);
  if (m) {
    const scheme = m[1] as 'secret' | 'env';
    const start = off - m[2]!.length;
    const used = referencedNames(text, scheme);
    const stored = scheme === 'secret' ? new Set(options.secretNames ?? []) : new Set<string>();
    const names = [...new Set([...stored, ...used])].sort();
    const L = labels(options.locale);
    return names.map((name, i) => ({
      label: name,
      kind: 'reference',
      detail: scheme === 'secret' ? (stored.has(name) ? (options.locale === 'zh-cn' ? '密钥（已设置）' : 'secret (set)') : options.locale === 'zh-cn' ? '密钥（本文件引用，未设置）' : 'secret (referenced here, not set)') : options.locale === 'zh-cn' ? '环境变量' : 'environment variable',
      documentation: scheme === 'secret' ? `\`\${secret:${name}}\` ${stored.has(name) ? L.secretSet : options.secretNames ? L.secretUnset : L.secretUnknown}` : `\`\${env:${name}}\` ${L.env} \`${name}\` ${L.envWhen}`,
      insertText: closed ? name : `${name}}`,
      snippet: false,
      start,
      end: off + after.length,
      sortText: `${stored.has(name) ? '0' : '1'}${String(i).padStart(4, '0')}`,
    }));
  }
  const s = REF_START.exec(prefix);
  if (s && /\$\{[a-z]*$/.test(prefix)) {
    const start = off - s[1]!.length;
    return (['secret', 'env'] as const).map((scheme, i) => ({
      label: `${scheme}:`,
      kind: 'reference' as const,
      detail: scheme === 'secret' ? '${secret:NAME}' : '${env:NAME}',
      documentation: scheme === 'secret'
        ? options.locale === 'zh-cn' ? '引用密钥存储中的密钥（命令行中为 ALERTCFG_SECRET_<NAME>）。' : 'A secret from secret storage (ALERTCFG_SECRET_<NAME> in the CLI).'
        : options.locale === 'zh-cn' ? '引用环境变量。' : 'An environment variable.',
      insertText: closed ? `${scheme}:` : `${scheme}:$1}`,
      snippet: !closed,
      start,
      end: off + after.length,
      sortText: String(i),
    }));
  }
  return undefined;
}

function referencedNames(text: string, scheme: 'secret' | 'env'): string[] {
  const out = new Set<string>();
  const re = scheme === 'secret' ? /\$\{secret:([A-Za-z0-9_.-]+)\}/g : /\$\{env:([A-Za-z0-9_.-]+)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]!);
  return [...out];
}

// ---------------------------------------------------------------- YAML

function yamlCompletions(ctx: Ctx): CompletionEntry[] {
  const doc = ctx.file.documents[ctx.index]!;
  const local = ctx.off - doc.base;
  const spot = yamlSpotAt(doc.text, local);
  if (!spot) return [];
  const start = spot.start + doc.base;
  const end = spot.end + doc.base;
  const at = schemaAt(ctx.root, spot.path);
  if (spot.at === 'value') {
    if (!at) return [];
    return valueEntries(at.schema, ctx, { start, end, format: 'yaml', lead: spot.needsSpace ? ' ' : '', quote: quoteAt(ctx.text, start) });
  }
  if (!at) return [];
  const lineIndent = /^[ \t]*/.exec(ctx.text.slice(lineStartAt(ctx.text, ctx.off), ctx.off))![0].length;
  if (spot.dashItem && !isObjectSchema(at.schema)) {
    return valueEntries(at.schema, ctx, { start, end, format: 'yaml', lead: '', quote: undefined });
  }
  const existing = existingKeys(ctx, spot.path, local);
  const props = propertiesOf(at, ctx.root.kind).filter((p) => !existing.has(p.name));
  const extra = ' '.repeat(Math.max(0, spot.column - lineIndent));
  const entries = props.map((p, i) => keyEntry(p, i, ctx, { start, end, format: 'yaml', hasColon: spot.hasColon, extra }));
  if (spot.path.length === 0 && spot.column === 0 && rootIsFresh(ctx, local)) entries.push(...resourceSnippets(ctx, start, end, 'yaml'));
  return entries;
}

/** The document holds nothing but the word being typed: a whole resource may go here. */
function rootIsFresh(ctx: Ctx, local: number): boolean {
  const root = ctx.file.documents[ctx.index]!.root;
  if (!root || root.type === 'scalar') return true;
  if (root.type !== 'map') return false;
  return root.entries.every((e) => local >= e.key.start && local <= e.key.end);
}

function existingKeys(ctx: Ctx, path: PathSegment[], local: number): Set<string> {
  const doc = ctx.file.documents[ctx.index]!;
  const node = nodeAt(doc.root, path);
  const out = new Set<string>();
  if (node?.type === 'map') for (const e of node.entries) if (!(local >= e.key.start && local <= e.key.end)) out.add(String(e.key.value));
  return out;
}

// ---------------------------------------------------------------- JSON

function jsonCompletions(ctx: Ctx): CompletionEntry[] {
  const doc = ctx.file.documents[ctx.index]!;
  if (ctx.text.trim() === '') return resourceSnippets(ctx, 0, ctx.text.length, 'json');
  // getLocation recurses once per level: a text too deep to parse gets no completion (its finding says why).
  if (jsonNestingBeyond(ctx.text, JSON_SAFE_DEPTH) >= 0) return [];
  const loc = getLocation(ctx.text, ctx.off);
  let path: PathSegment[] = [...loc.path];
  if (/^[\s\uFEFF]*\[/.test(ctx.text) && typeof path[0] === 'number') path = path.slice(1);
  const prev = loc.previousNode;
  const prevRange = prev && ctx.off >= prev.offset && ctx.off <= prev.offset + prev.length ? { start: prev.offset, end: prev.offset + prev.length } : undefined;
  if (loc.isAtPropertyKey) {
    const mapPath = path.slice(0, -1);
    const at = schemaAt(ctx.root, mapPath);
    if (!at) return [];
    const r = prevRange ?? { start: ctx.off, end: ctx.off };
    const existing = existingKeys(ctx, mapPath, ctx.off - doc.base);
    const hasColon = /^\s*:/.test(ctx.text.slice(r.end, r.end + 50));
    return propertiesOf(at, ctx.root.kind)
      .filter((p) => !existing.has(p.name))
      .map((p, i) => keyEntry(p, i, ctx, { ...r, format: 'json', hasColon, extra: '' }));
  }
  const at = schemaAt(ctx.root, path);
  if (!at) return [];
  const r = prev && prevRange && prev.type !== 'object' && prev.type !== 'array' && prev.type !== 'property' ? prevRange : { start: ctx.off, end: ctx.off };
  return valueEntries(at.schema, ctx, { ...r, format: 'json', lead: '', quote: undefined });
}

// ---------------------------------------------------------------- entries

interface KeyPlace {
  start: number;
  end: number;
  format: SourceFormat;
  hasColon: boolean;
  /** Spaces between the line's indentation and the key (a `- ` before it). */
  extra: string;
}

function keyEntry(p: PropertyInfo, order: number, ctx: Ctx, place: KeyPlace): CompletionEntry {
  const L = labels(ctx.options.locale);
  const doc = description(p.schema, ctx.options.locale);
  const detail = `${typeLabel(p.schema)} · ${p.required ? L.required : L.optional}`;
  const ex = firstExample(p.schema);
  const exampleLine = ex !== undefined && !isObjectSchema(p.schema) ? `\n\n${L.example}${L.colon}\`${oneLine(ex)}\`` : '';
  const base = {
    label: p.name,
    kind: 'property' as const,
    detail,
    ...(doc ? { documentation: doc + exampleLine } : {}),
    start: place.start,
    end: place.end,
    sortText: `${p.required ? '0' : '1'}${String(order).padStart(3, '0')}`,
  };
  if (place.format === 'json') {
    const key = JSON.stringify(p.name);
    if (place.hasColon) return { ...base, insertText: key, snippet: false, filterText: key };
    return { ...base, insertText: `${key}: ${jsonValueSnippet(p.schema)}`, snippet: true, filterText: key };
  }
  const key = yamlKey(p.name);
  if (place.hasColon) return { ...base, insertText: key, snippet: false };
  return { ...base, insertText: `${escapeSnippet(key)}:${yamlValueSnippet(p, ctx, place.extra)}`, snippet: true };
}

/** The part after `key:` — ` ${1:example}` on the line, or an indented block below it. */
function yamlValueSnippet(p: PropertyInfo, ctx: Ctx, extra: string): string {
  const s = p.schema;
  const unit = ctx.unit;
  const nl = `\n${extra}${unit}`;
  if (s['x-secret'] === true) return ' \\${secret:${1:name}}';
  if (isObjectSchema(s) && !typesOf(s).some((t) => t !== 'object')) {
    const req = propertiesOf({ schema: s, required: false, file: p.file }, ctx.root.kind).filter((c) => c.required);
    if (!req.length) return `${nl}$1`;
    return req.map((c, i) => `${nl}${escapeSnippet(yamlKey(c.name))}: ${scalarPlaceholder(c.schema, i + 1, 'yaml')}`).join('');
  }
  if (typesOf(s).length === 1 && typesOf(s)[0] === 'array') {
    const items = (s['items'] ?? {}) as Schema;
    if (isObjectSchema(items)) {
      const req = propertiesOf({ schema: items, required: false, file: p.file }, ctx.root.kind).filter((c) => c.required);
      if (!req.length) return `${nl}- $1`;
      return req.map((c, i) => `${nl}${i === 0 ? '- ' : '  '}${escapeSnippet(yamlKey(c.name))}: ${scalarPlaceholder(c.schema, i + 1, 'yaml')}`).join('');
    }
    return `${nl}- ${scalarPlaceholder(items, 1, 'yaml')}`;
  }
  return ` ${scalarPlaceholder(s, 1, 'yaml')}`;
}

function jsonValueSnippet(s: Schema): string {
  if (isObjectSchema(s) && !typesOf(s).some((t) => t !== 'object')) return '{$1}';
  if (typesOf(s).length === 1 && typesOf(s)[0] === 'array') return '[$1]';
  if (s['x-secret'] === true) return '"\\${secret:${1:name}}"';
  return scalarPlaceholder(s, 1, 'json');
}

/** `${1:example}` or `${1|a,b|}` for a scalar, written as YAML or JSON. */
function scalarPlaceholder(s: Schema, n: number, format: SourceFormat): string {
  const values = allowedValues(s);
  const write = (v: unknown) => (format === 'json' ? JSON.stringify(v) : yamlScalar(v));
  if (values.length > 1) return `\${${n}|${values.map((v) => write(v).replace(/[\\,|$}]/g, (c) => `\\${c}`)).join(',')}|}`;
  if (values.length === 1) return escapeSnippet(write(values[0]));
  const ex = firstExample(s);
  if (ex !== undefined && (typeof ex !== 'object' || ex === null)) return `\${${n}:${escapeSnippet(write(ex))}}`;
  const types = typesOf(s);
  if (format === 'json' && types[0] === 'string') return `"$${n}"`;
  return `$${n}`;
}

interface ValuePlace {
  start: number;
  end: number;
  format: SourceFormat;
  /** Text before the value (a space after a bare colon). */
  lead: string;
  /** The quote the user opened, if any. */
  quote: string | undefined;
}

function valueEntries(schema: Schema, ctx: Ctx, place: ValuePlace): CompletionEntry[] {
  const locale = ctx.options.locale;
  const values = allowedValues(schema);
  const descs = enumDescriptions(schema, locale);
  const out: CompletionEntry[] = [];
  const write = (v: unknown): string => {
    if (place.format === 'json') return JSON.stringify(v);
    if (place.quote && typeof v === 'string') return `${place.quote}${v}${place.quote}`;
    return yamlScalar(v);
  };
  values.forEach((v, i) => {
    const text = write(v);
    out.push({
      label: valueLabel(v),
      kind: 'value',
      detail: typeLabel(schema),
      ...(descs[i] ? { documentation: descs[i] } : {}),
      insertText: place.lead + text,
      snippet: false,
      start: place.start,
      end: place.end,
      sortText: `0${String(i).padStart(3, '0')}`,
      filterText: text,
    });
  });
  if (schema['x-secret'] === true) {
    (['secret', 'env'] as const).forEach((scheme, i) => {
      const body = scheme === 'secret' ? '\\${secret:${1:name}}' : '\\${env:${1:NAME}}';
      const quoted = place.format === 'json' ? `"${body}"` : body;
      out.push({
        label: `\${${scheme}:…}`,
        kind: 'reference',
        detail: scheme === 'secret' ? (locale === 'zh-cn' ? '引用密钥' : 'secret reference') : locale === 'zh-cn' ? '引用环境变量' : 'environment variable reference',
        insertText: place.lead + quoted,
        snippet: true,
        start: place.start,
        end: place.end,
        sortText: `1${i}`,
        filterText: `\${${scheme}:`,
      });
    });
  }
  if (!values.length) {
    const ex = firstExample(schema);
    if (ex !== undefined && (typeof ex !== 'object' || ex === null) && schema['x-secret'] !== true) {
      const text = write(ex);
      out.push({
        label: valueLabel(ex),
        kind: 'value',
        detail: `${typeLabel(schema)} · ${labels(locale).example.toLowerCase()}`,
        insertText: place.lead + text,
        snippet: false,
        start: place.start,
        end: place.end,
        sortText: '2000',
        filterText: text,
      });
    }
  }
  return out;
}

function resourceSnippets(ctx: Ctx, start: number, end: number, format: SourceFormat): CompletionEntry[] {
  const zh = ctx.options.locale === 'zh-cn';
  return kindModules().map(({ kind, title, vendor }, i) => {
    const yamlText = templateFor(kind);
    const text = format === 'json' ? `${JSON.stringify(parseYaml(yamlText), null, ctx.unit.length || 2)}\n` : yamlText;
    return {
      label: `${kind} resource`,
      kind: 'snippet' as const,
      detail: `${title} — ${vendor}`,
      documentation: zh ? `新建一个 ${kind} 资源，内容来自厂商文档示例。` : `A new ${kind} resource, pre-filled from the vendor doc's example.\n\n\`\`\`${format}\n${text}\`\`\``,
      insertText: text,
      snippet: false,
      start,
      end,
      sortText: `9${i}`,
      filterText: kind,
    };
  });
}

// ---------------------------------------------------------------- helpers

export function isObjectSchema(s: Schema): boolean {
  return typesOf(s).includes('object') || (typeof s['properties'] === 'object' && s['properties'] !== null);
}

function yamlScalar(v: unknown): string {
  return stringify(v, { lineWidth: 0 }).replace(/\n$/, '');
}

function yamlKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_.$-]*$/.test(name) ? name : JSON.stringify(name);
}

function valueLabel(v: unknown): string {
  if (typeof v === 'string') return /^([-+]?[0-9.]+|true|false|null|~)$/i.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function oneLine(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

function quoteAt(text: string, start: number): string | undefined {
  const c = text.charAt(start);
  return c === '"' || c === "'" ? c : undefined;
}

/** The document's indentation step (the smallest indentation it uses), two spaces by default. */
export function indentUnit(text: string): string {
  let best = 0;
  const re = /[\r\n]( +)\S/g;
  let n = 0;
  for (let m = re.exec(text); m && n < 500; m = re.exec(text), n++) {
    const w = m[1]!.length;
    if (w > 0 && (best === 0 || w < best)) best = w;
  }
  return ' '.repeat(best > 0 && best <= 8 ? best : 2);
}
