/**
 * Snippet text: what follows a completed key (the doc's example as a placeholder,
 * a choice of enum values, the required keys of a nested object), and a whole
 * resource per kind from the vendor doc's example.
 */
import { parse as parseYaml } from 'yaml';
import { kindModules } from '../../kinds/index';
import type { SourceFormat } from '../../parse/document';
import { type PropertyInfo, type Schema, allowedValues, propertiesOf, typesOf } from '../../schema/lookup';
import { templateFor } from '../../templates';
import { firstExample } from '../common';
import { escapeSnippet, isObjectSchema, yamlKey, yamlScalar } from './text';
import type { CompletionEntry, Ctx } from './types';

export function yamlValueSnippet(p: PropertyInfo, ctx: Ctx, extra: string): string {
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

export function jsonValueSnippet(s: Schema): string {
  if (isObjectSchema(s) && !typesOf(s).some((t) => t !== 'object')) return '{$1}';
  if (typesOf(s).length === 1 && typesOf(s)[0] === 'array') return '[$1]';
  if (s['x-secret'] === true) return '"\\${secret:${1:name}}"';
  return scalarPlaceholder(s, 1, 'json');
}

/** `${1:example}` or `${1|a,b|}` for a scalar, written as YAML or JSON. */
export function scalarPlaceholder(s: Schema, n: number, format: SourceFormat): string {
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

export function resourceSnippets(ctx: Ctx, start: number, end: number, format: SourceFormat): CompletionEntry[] {
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
