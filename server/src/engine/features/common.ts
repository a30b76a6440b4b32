/**
 * What the editor features share: the display language, the document of a file
 * under an offset, the schema a document is read against, and the wording of a
 * schema's description and type in either language.
 */
import type { DocumentResult } from '../analyse';
import type { Range } from '../model/finding';
import type { ParsedDocument } from '../parse/document';
import { type Schema, type SchemaRoot, configSchemaRoot, envelopeRoot, schemaRootFor, typesOf } from '../schema/lookup';

export type Locale = 'en' | 'zh-cn';

/** A file as analysed (validateText or DocumentCache): its documents and their results. */
export interface AnalysedFile {
  documents: readonly ParsedDocument[];
  results: readonly DocumentResult[];
}

/** `zh`, `zh-CN`, `zh-Hans`, `zh-TW`... are Chinese; anything else is English. */
export function localeOf(tag: string | undefined | null): Locale {
  return typeof tag === 'string' && /^zh\b/i.test(tag.trim()) ? 'zh-cn' : 'en';
}

/** Index of the document holding an offset of the file text. */
export function documentIndexAt(file: AnalysedFile, offset: number): number {
  const docs = file.documents;
  if (docs.length <= 1) return 0;
  const sharedBase = docs.every((d) => d.base === docs[0]!.base);
  if (sharedBase) {
    // A JSON array of resources: the element whose node holds the offset, else the one before it.
    let best = 0;
    for (let i = 0; i < docs.length; i++) {
      const r = docs[i]!.root;
      if (r && r.start <= offset) best = i;
      if (r && offset >= r.start && offset <= r.end) return i;
    }
    return best;
  }
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    if (offset < d.base + d.text.length) return i;
  }
  return docs.length - 1;
}

/** The document's range in the file (a JSON array element: its node). */
export function documentRange(file: AnalysedFile, index: number): Range {
  const doc = file.documents[index];
  if (!doc) return { start: 0, end: 0 };
  if (file.documents.length > 1 && file.documents.every((d) => d.base === doc.base) && doc.root) return { start: doc.root.start, end: doc.root.end };
  return { start: doc.base, end: doc.base + doc.text.length };
}

export type SchemaMode = 'resource' | 'config';

/**
 * The schema a document is read against: its resource's, the envelope's for a
 * document that may become a resource (empty, or being started), or the schema of
 * `.alertcfg.yaml`. Undefined for documents that are not ours.
 */
export function schemaRootOf(file: AnalysedFile, index: number, mode: SchemaMode = 'resource', cursor?: number): SchemaRoot | undefined {
  if (mode === 'config') return configSchemaRoot();
  const result = file.results[index];
  const fromResource = schemaRootFor(result?.resource);
  if (fromResource) return fromResource;
  if (result?.resource?.form === 'envelope') return envelopeRoot();
  const doc = file.documents[index];
  if (!doc) return envelopeRoot();
  const root = doc.root;
  if (!root || root.type === 'scalar') return envelopeRoot();
  if (root.type !== 'map') return undefined;
  // Another tool's resource names its own apiVersion: not ours.
  const api = root.entries.find((e) => e.key.value === 'apiVersion');
  if (api && !isOursOrTyping(api.value)) return undefined;
  if (root.entries.length === 0 || root.entries.some((e) => e.key.value === 'kind' || e.key.value === 'apiVersion')) return envelopeRoot();
  // The first key being typed.
  if (root.entries.length === 1 && cursor !== undefined) {
    const e = root.entries[0]!;
    const local = cursor - doc.base;
    if (local >= e.key.start && local <= e.key.end) return envelopeRoot();
  }
  return undefined;
}

/** An apiVersion value of ours, or one still being typed (empty, or a prefix of `alertcfg/`). */
function isOursOrTyping(v: { type: string; value?: unknown } | undefined): boolean {
  if (!v || (v.type === 'scalar' && v.value === null)) return true;
  if (v.type !== 'scalar' || typeof v.value !== 'string') return false;
  return v.value.startsWith('alertcfg/') || 'alertcfg/'.startsWith(v.value);
}

export function description(schema: Schema, locale: Locale): string | undefined {
  const zh = schema['x-description-zh-cn'];
  if (locale === 'zh-cn' && typeof zh === 'string') return zh;
  const md = schema['markdownDescription'];
  if (typeof md === 'string') return md;
  const d = schema['description'];
  return typeof d === 'string' ? d : undefined;
}

/** Descriptions of the enum values, in the locale, by position. */
export function enumDescriptions(schema: Schema, locale: Locale): (string | undefined)[] {
  const zh = schema['x-enum-descriptions-zh-cn'];
  const en = schema['enumDescriptions'];
  const list = locale === 'zh-cn' && Array.isArray(zh) ? zh : Array.isArray(en) ? en : [];
  return list.map((x) => (typeof x === 'string' ? x : undefined));
}

export function typeLabel(schema: Schema): string {
  const types = typesOf(schema);
  if (types.length === 0) return 'any';
  return types
    .map((t) => {
      if (t === 'array') {
        const items = schema['items'];
        if (items && typeof items === 'object' && !Array.isArray(items)) {
          const inner = typesOf(items as Schema);
          if (inner.length === 1) return `${inner[0]}[]`;
        }
      }
      return t;
    })
    .join(' | ');
}

export function firstExample(schema: Schema): unknown {
  const ex = schema['examples'];
  if (Array.isArray(ex) && ex.length) return ex[0];
  if ('default' in schema) return schema['default'];
  return undefined;
}

const LABELS = {
  en: { period: '.', colon: ': ', required: 'required', optional: 'optional', expected: 'optional, always sent by the vendor', example: 'Example', source: 'Source', values: 'Values', utc: 'UTC', local: 'Local time', duration: 'Duration', secretSet: 'is set in secret storage', secretUnset: 'is **not set** in secret storage', secretUnknown: 'is read from secret storage when a request is built (the editor did not share which secrets are set)', env: 'is read from the environment variable', envWhen: 'when a request is built', secretCli: 'In the CLI it comes from the environment variable', docLink: 'vendor doc', type: 'Type' },
  'zh-cn': { period: '。', colon: '：', required: '必填', optional: '可选', expected: '可选，厂商总会发送', example: '示例', source: '来源', values: '取值', utc: 'UTC', local: '本地时间', duration: '时长', secretSet: '已在密钥存储中设置', secretUnset: '**未**在密钥存储中设置', secretUnknown: '在构建请求时从密钥存储读取（编辑器未提供已设置的密钥列表）', env: '读取自环境变量', envWhen: '（在构建请求时）', secretCli: '命令行中读取环境变量', docLink: '厂商文档', type: '类型' },
} as const;

export function labels(locale: Locale) {
  return LABELS[locale];
}

/** A value as YAML or JSON source would show it, for docs and labels. */
export function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
