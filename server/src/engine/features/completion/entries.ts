/**
 * The entries completion offers for a key (label, detail, documentation and the
 * text to insert, required keys first) and for a value (enum values, references for
 * a secret field, the doc's example).
 */
import type { SourceFormat } from '../../parse/document';
import { type PropertyInfo, type Schema, allowedValues } from '../../schema/lookup';
import { description, enumDescriptions, firstExample, labels, typeLabel } from '../common';
import { jsonValueSnippet, yamlValueSnippet } from './snippets';
import { escapeSnippet, isObjectSchema, oneLine, valueLabel, yamlKey, yamlScalar } from './text';
import type { CompletionEntry, Ctx } from './types';

export interface KeyPlace {
  start: number;
  end: number;
  format: SourceFormat;
  hasColon: boolean;
  /** Spaces between the line's indentation and the key (a `- ` before it). */
  extra: string;
}

export function keyEntry(p: PropertyInfo, order: number, ctx: Ctx, place: KeyPlace): CompletionEntry {
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


export interface ValuePlace {
  start: number;
  end: number;
  format: SourceFormat;
  /** Text before the value (a space after a bare colon). */
  lead: string;
  /** The quote the user opened, if any. */
  quote: string | undefined;
}

export function valueEntries(schema: Schema, ctx: Ctx, place: ValuePlace): CompletionEntry[] {
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
