/**
 * Hover: the field's description from the vendor doc in the client's language,
 * its type, whether it is required, an example and the doc it comes from; epoch
 * milliseconds as an ISO date (UTC and local time); whether a `${secret:NAME}` is set.
 */
import type { Range } from '../model/finding';
import { type MapEntry, type Node, type PathSegment, pathAtOffset } from '../parse/tree';
import { humanDuration } from '../schema/messages';
import { type Schema, schemaAt } from '../schema/lookup';
import { type AnalysedFile, type Locale, type SchemaMode, description, documentIndexAt, enumDescriptions, firstExample, labels, schemaRootOf, show, typeLabel } from './common';

export interface HoverOptions {
  locale: Locale;
  /** Names of the secrets the client's storage holds; undefined when it did not say. */
  secretNames?: readonly string[];
  /** Minutes to add to UTC for "local time" (default: this process's zone at that date). */
  utcOffsetMinutes?: number;
  mode?: SchemaMode;
}

export interface HoverResult extends Range {
  /** Markdown. */
  markdown: string;
}

const REF = /\$\{(secret|env):([^}]*)\}/g;

export function hoverAt(text: string, offset: number, file: AnalysedFile, options: HoverOptions): HoverResult | undefined {
  if (file.documents.length === 0) return undefined;
  const off = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, text.length));
  const index = documentIndexAt(file, off);
  const doc = file.documents[index]!;
  if (!doc.root) return undefined;
  const schemaRoot = schemaRootOf(file, index, options.mode);
  if (!schemaRoot || (options.mode !== 'config' && !file.results[index]?.resource)) return undefined;
  const local = off - doc.base;
  const { path, node, onKey } = pathAtOffset(doc.root, local);
  if (path.length === 0) return undefined;
  const parts: string[] = [];
  let range: Range | undefined;

  // A reference under the cursor.
  if (!onKey && node?.type === 'scalar' && typeof node.value === 'string' && local >= node.start && local <= node.end) {
    const source = text.slice(doc.base + node.start, doc.base + node.end);
    REF.lastIndex = 0;
    for (let m = REF.exec(source); m; m = REF.exec(source)) {
      const s = node.start + m.index;
      const e = s + m[0].length;
      if (local < s || local > e) continue;
      parts.push(referenceLine(m[1] as 'secret' | 'env', m[2]!, options));
      range = { start: s, end: e };
      break;
    }
  }

  const at = schemaAt(schemaRoot, path);
  const L = labels(options.locale);
  if (at) {
    const s = at.schema;
    const name = lastName(path);
    const isItem = typeof path[path.length - 1] === 'number';
    const head = `**${name}**${isItem ? ' []' : ''} · \`${typeLabel(s)}\`${isItem ? '' : ` · ${at.required ? L.required : at.expected ? L.expected : L.optional}`}`;
    const section: string[] = [head];
    // The value under the cursor first: its date, its duration, its enum meaning.
    if (!onKey && node?.type === 'scalar') section.push(...valueNotes(s, node.value, options));
    const desc = description(s, options.locale);
    if (desc) section.push(desc);
    if (onKey || node?.type !== 'scalar') {
      const values = Array.isArray(s['enum']) ? (s['enum'] as unknown[]) : [];
      if (values.length) {
        const descs = enumDescriptions(s, options.locale);
        section.push(`${L.values}${L.colon.trim()}\n${values.map((v, i) => `- \`${show(v)}\`${descs[i] ? ` — ${descs[i]}` : ''}`).join('\n')}`);
      }
    }
    const ex = firstExample(s);
    if (ex !== undefined) section.push(`${L.example}${L.colon}\`${oneLine(ex)}\``);
    const docTitle = typeof at.file['x-doc'] === 'string' ? (at.file['x-doc'] as string) : undefined;
    const docUrl = typeof at.file['x-doc-url'] === 'string' ? (at.file['x-doc-url'] as string) : undefined;
    if (docTitle || docUrl) section.push(`${L.source}${L.colon}${docUrl ? `[${docTitle ?? docUrl}](${docUrl})` : docTitle}`);
    parts.push(section.join('\n\n'));
  }
  if (!parts.length) return undefined;
  if (!range) range = hoverRange(doc.root, path, node, onKey, local);
  return { markdown: parts.join('\n\n---\n\n'), start: doc.base + range.start, end: doc.base + range.end };
}

function referenceLine(scheme: 'secret' | 'env', name: string, options: HoverOptions): string {
  const L = labels(options.locale);
  if (scheme === 'env') return `\`\${env:${name}}\` ${L.env} \`${name}\` ${L.envWhen}${L.period}`;
  const status = options.secretNames === undefined ? L.secretUnknown : options.secretNames.includes(name) ? L.secretSet : L.secretUnset;
  const cli = `ALERTCFG_SECRET_${name.toUpperCase().replace(/[-.]/g, '_')}`;
  return `\`\${secret:${name}}\` ${status}${L.period}\n\n${L.secretCli} \`${cli}\`${L.period}`;
}

function valueNotes(s: Schema, value: unknown, options: HoverOptions): string[] {
  const L = labels(options.locale);
  const out: string[] = [];
  if (typeof value === 'number' && s['x-epoch-ms'] === true && Number.isFinite(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      const offset = options.utcOffsetMinutes ?? -d.getTimezoneOffset();
      out.push(`\`${value}\` = **${d.toISOString()}** (${L.utc})\n\n${L.local}${L.colon}${localTime(value, offset)}`);
    }
  }
  if (typeof value === 'number' && s['x-duration-ms'] === true && value >= 1000) out.push(`${L.duration}${L.colon}${humanDuration(value)}`);
  if (Array.isArray(s['enum'])) {
    const i = (s['enum'] as unknown[]).findIndex((v) => v === value);
    const d = enumDescriptions(s, options.locale)[i];
    if (i >= 0 && d) out.push(`\`${show(value)}\`: ${d}`);
  }
  return out;
}

/** `2024-05-20 15:00:00.000 (UTC+08:00)` */
export function localTime(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const iso = d.toISOString().replace('T', ' ').replace('Z', '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${iso} (UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')})`;
}

function lastName(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '';
}

function hoverRange(root: Node, path: PathSegment[], node: Node | undefined, onKey: boolean, local: number): Range {
  if (!onKey && node && local >= node.start && local <= node.end && node.type === 'scalar') return { start: node.start, end: node.end };
  const entry = entryAtPath(root, path);
  if (entry) return { start: entry.key.start, end: entry.key.end };
  return node ? { start: node.start, end: node.end } : { start: local, end: local };
}

function entryAtPath(root: Node, path: PathSegment[]): MapEntry | undefined {
  let node: Node | undefined = root;
  let entry: MapEntry | undefined;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'map' && typeof seg === 'string') {
      entry = node.entries.find((e) => e.key.value === seg);
      node = entry?.value;
    } else if (node.type === 'seq' && typeof seg === 'number') {
      entry = undefined;
      node = node.items[seg];
    } else return undefined;
  }
  return entry;
}

function oneLine(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
