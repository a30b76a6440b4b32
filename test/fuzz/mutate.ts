/**
 * fast-check arbitraries of hostile input, built from the seeds (corpus.ts):
 * random bytes, truncated files, random edits of valid files (insert, delete and
 * replace at random offsets with YAML/JSON-significant fragments and random
 * Unicode), deep nesting, huge scalars, alias bombs, duplicated keys, mixed line
 * endings and non-UTF-8 bytes. A case is either text (with the format the caller
 * claims, or none so the engine guesses) or bytes, which go through decodeFile as
 * the CLI and the server read files from disk.
 */
import fc from 'fast-check';
import { type Seed, seeds } from './corpus';

export interface FuzzCase {
  /** What made the case, for reports: "edits(contact.yaml)". */
  how: string;
  text?: string;
  bytes?: Uint8Array;
  format?: 'yaml' | 'json';
  /** Fractions of the text length where the editor features are asked (completion, hover, ...). */
  probes: number[];
  /** The text the case was made from: an editor's cache sees it first. */
  from?: string;
}

/** Fragments that mean something to YAML or JSON, or that parsers find awkward. */
export const TOKENS = [
  ':', ': ', '-', '- ', '? ', ',', ' ', '  ', '\n', '\r\n', '\r', '\t', '{', '}', '[', ']', '"', "'", '\\', '\\u', '\\x',
  '#', ' # comment', '&a ', '*a', '&b ', '*b', '<<: *a', '<<: [*a, *b]', '---', '\n---\n', '...', '\n...\n', '|', '>-', '|+\n  x', '!!str ', '!!binary ',
  '!local ', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', '@', '`', '%', 'null', '~', 'true', 'NaN', '.inf', '-.inf', '0x1F', '0o17', '1e400', '-0',
  '12345678901234567890123', '2024-05-20 07:00:00', '1716188400', '1716188400000', '${secret:', '${env:X}', '${secret:a}', '}', '${',
  'apiVersion: alertcfg/v1\n', 'kind: Contact\n', 'kind: EventReport\n', 'kind: AlarmCallback\n', 'kind: DingTalkTestConnection\n',
  'kind: KeyOperationNotification\n', 'spec:\n', 'metadata:\n  name: x\n', '  Name: x\n', '# alertcfg: kind=Contact\n',
  '# yaml-language-server: $schema=contact.schema.json\n', '# alertcfg-disable-next-line\n', '"$schema": "contact.schema.json",',
  '"apiVersion": "alertcfg/v1",', '"kind": "Contact",', '"spec": {', '{"a": 1}', '[1, 2]', '\uFEFF', '\u0000', '\u0085', '\u2028',
  '\uD800', '\uDC00', '\uFFFD', '\uFFFF', '😀', '日本', 'é', '\u200B', '\u0301', 'https://oapi.dingtalk.com/robot/send?access_token=',
  'https://open.feishu.cn/open-apis/bot/v2/hook/', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=', 'SEC0123456789abcdef',
];

const unicodeChar = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);

export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: unicodeChar, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }) },
);

/** Largest text a mutation makes (the file-size limit of the editor and CLI is far above; this keeps runs short). */
export const MAX_TEXT = 1536 * 1024;

const seedArb = (): fc.Arbitrary<Seed> => fc.constantFrom(...seeds());
const probes = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 });
const pos = (text: string, x: number) => Math.min(text.length, Math.floor(x * (text.length + 1)));
const unit = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

// ------------------------------------------------------------ text mutations (seed text → text)

type Mutation = fc.Arbitrary<{ how: string; apply: (text: string) => string }>;

const edit = fc.record({ op: fc.constantFrom('insert', 'delete', 'replace'), at: unit, len: fc.nat({ max: 60 }), text: fragment });

/** 1 to 8 random inserts, deletes and replaces. */
const edits: Mutation = fc.array(edit, { minLength: 1, maxLength: 8 }).map((list) => ({
  how: `edits×${list.length}`,
  apply: (text) => {
    let t = text;
    for (const e of list) {
      const at = pos(t, e.at);
      if (e.op === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
      else if (e.op === 'delete') t = t.slice(0, at) + t.slice(at + Math.max(1, e.len));
      else t = t.slice(0, at) + e.text + t.slice(at + Math.max(1, e.len));
    }
    return t;
  },
}));

/** A prefix or a suffix of the file. */
const truncate: Mutation = fc.record({ at: unit, keepEnd: fc.boolean() }).map(({ at, keepEnd }) => ({
  how: keepEnd ? 'suffix' : 'prefix',
  apply: (text) => (keepEnd ? text.slice(pos(text, at)) : text.slice(0, pos(text, at))),
}));

const NESTERS = [
  { open: '[', close: ']' },
  { open: '{a: ', close: '}' },
  { open: '{"a":', close: '}' },
  { open: '- ', close: '' },
  { open: '[{a: ', close: '}]' },
];

/** Deep nesting (flow, JSON, compact sequences, or block mappings), closed or not, at a random place. */
const deepNesting: Mutation = fc
  .record({
    depth: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 700 }) }, { weight: 1, arbitrary: fc.integer({ min: 700, max: 20_000 }) }),
    style: fc.integer({ min: 0, max: NESTERS.length }),
    closed: fc.boolean(),
    at: unit,
  })
  .map(({ depth, style, closed, at }) => ({
    how: `nesting(${depth})`,
    apply: (text) => {
      let bomb: string;
      if (style === NESTERS.length) {
        const d = Math.min(depth, 3000);
        bomb = `\n${Array.from({ length: d }, (_, i) => `${'  '.repeat(i)}a:`).join('\n')} 1\n`;
      } else {
        const n = NESTERS[style]!;
        bomb = n.open.repeat(depth) + '1' + (closed ? n.close.repeat(depth) : '');
      }
      const p = pos(text, at);
      return text.slice(0, p) + bomb + text.slice(p);
    },
  }));

/** A huge scalar: plain, quoted, with escapes, or a block scalar, in place of a value or at a random place. */
const hugeScalar: Mutation = fc
  .record({ size: fc.oneof(fc.integer({ min: 1000, max: 20_000 }), fc.integer({ min: 20_000, max: 400_000 })), style: fc.integer({ min: 0, max: 4 }), at: unit })
  .map(({ size, style, at }) => ({
    how: `scalar(${size})`,
    apply: (text) => {
      const body = style === 2 ? '\\u00e9'.repeat(Math.ceil(size / 6)) : 'x'.repeat(size);
      const scalar = style === 0 ? body : style === 1 ? `'${body}'` : style === 2 ? `"${body}"` : style === 3 ? `|\n  ${body}\n` : `${'word '.repeat(size / 5)}`;
      // After a `: ` when there is one near, so it lands in a value.
      let p = pos(text, at);
      const colon = text.indexOf(': ', p);
      if (colon >= 0) p = colon + 2;
      return text.slice(0, p) + scalar + text.slice(p);
    },
  }));

/** A "billion laughs" of random width and depth, in block or flow form, added as a mapping entry. */
const aliasBomb: Mutation = fc
  .record({ width: fc.integer({ min: 2, max: 12 }), depth: fc.integer({ min: 2, max: 12 }), flow: fc.boolean(), where: fc.constantFrom('metadata', 'spec', 'top', 'random'), at: unit })
  .map(({ width, depth, flow, where, at }) => ({
    how: `aliases(${width}^${depth})`,
    apply: (text) => {
      const ls: string[] = [`l0: &a0 [${Array(width).fill('lol').join(', ')}]`];
      for (let i = 1; i < depth; i++) ls.push(flow ? `l${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]` : `l${i}: &a${i}\n${Array(width).fill(`  - *a${i - 1}`).join('\n')}`);
      const indent = (s: string, n: number) => s.split('\n').map((l) => ' '.repeat(n) + l).join('\n');
      if (where === 'top') return `${ls.join('\n')}\n${text}`;
      if (where === 'random') {
        const p = pos(text, at);
        return `${text.slice(0, p)}\n${ls.join('\n')}\n${text.slice(p)}`;
      }
      const key = `\n${where}:`;
      const i = text.indexOf(key);
      if (i < 0) return `${text}\n${where}:\n${indent(ls.join('\n'), 2)}\n`;
      const lineEnd = text.indexOf('\n', i + 1);
      const cut = lineEnd < 0 ? text.length : lineEnd;
      return `${text.slice(0, cut)}\n${indent(`bomb:\n${indent(ls.join('\n'), 2)}`, 2)}${text.slice(cut)}`;
    },
  }));

/** Duplicates random lines (a key line becomes a duplicate key), or one line many times. */
const duplicateKeys: Mutation = fc.record({ picks: fc.array(unit, { minLength: 1, maxLength: 4 }), times: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 3000 })) }).map(({ picks, times }) => ({
  how: `duplicate-lines×${times}`,
  apply: (text) => {
    const lines = text.split('\n');
    for (const p of picks) {
      const candidates = lines.map((l, i) => (/^\s*("?[\w$.-]+"?)\s*:/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (!candidates.length) break;
      const i = candidates[Math.floor(p * candidates.length)]!;
      const line = lines[i]!.replace(/,?\s*$/, lines[i]!.trimEnd().endsWith(',') ? ',' : '');
      const n = Math.max(1, Math.min(times, Math.floor(MAX_TEXT / 4 / (line.length + 1))));
      lines.splice(i + 1, 0, ...Array<string>(n).fill(line));
    }
    return lines.join('\n');
  },
}));

/** Each line break becomes LF, CRLF, CR, NEL or LS at random. */
const lineEndings: Mutation = fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\r', '\u0085', '\u2028'), { minLength: 1, maxLength: 64 }).map((choices) => ({
  how: 'line-endings',
  apply: (text) => {
    let i = 0;
    return text.replace(/\r?\n/g, () => choices[i++ % choices.length]!);
  },
}));

/** Several files joined as one YAML stream, or one document repeated. */
const streams: Mutation = fc.record({ times: fc.integer({ min: 2, max: 400 }), separator: fc.constantFrom('---\n', '\n---\n', '...\n---\n', '--- # c\n', '---') }).map(({ times, separator }) => ({
  how: `stream×${times}`,
  apply: (text) => Array<string>(Math.max(1, Math.min(times, Math.floor(MAX_TEXT / (text.length + separator.length + 1))))).fill(text).join(separator),
}));

const mutation: Mutation = fc.oneof(
  { weight: 8, arbitrary: edits },
  { weight: 2, arbitrary: truncate },
  { weight: 2, arbitrary: deepNesting },
  { weight: 1, arbitrary: hugeScalar },
  { weight: 2, arbitrary: aliasBomb },
  { weight: 2, arbitrary: duplicateKeys },
  { weight: 2, arbitrary: lineEndings },
  { weight: 1, arbitrary: streams },
);

const formatFor = (seed: Seed) => fc.constantFrom<('yaml' | 'json' | undefined)[]>(seed.format, seed.format, seed.format, undefined, seed.format === 'yaml' ? 'json' : 'yaml');

/** One to three mutations of one seed, in sequence. */
const mutatedText: fc.Arbitrary<FuzzCase> = seedArb().chain((seed) =>
  fc.record({ ms: fc.array(mutation, { minLength: 1, maxLength: 3 }), format: formatFor(seed), probes }).map(({ ms, format, probes }) => {
    let text = seed.text;
    for (const m of ms) text = m.apply(text).slice(0, MAX_TEXT);
    return { how: `${ms.map((m) => m.how).join('+')}(${seed.name})`, text, ...(format ? { format } : {}), probes, from: seed.text };
  }),
);

/** A text made only of tokens: the parser's view of noise. */
const tokenSoup: fc.Arbitrary<FuzzCase> = fc
  .record({ parts: fc.array(fragment, { maxLength: 80 }), head: fc.boolean(), format: fc.constantFrom<('yaml' | 'json' | undefined)[]>('yaml', 'json', undefined), probes })
  .map(({ parts, head, format, probes }) => ({ how: 'tokens', text: (head ? 'apiVersion: alertcfg/v1\nkind: Contact\n' : '') + parts.join(''), ...(format ? { format } : {}), probes }));

/** Bytes of a seed with invalid UTF-8 put in: lone continuation bytes, overlong forms, surrogates, truncated sequences. */
const BAD_SEQUENCES = [[0x80], [0xbf], [0xc0, 0xaf], [0xc3, 0x28], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xfe], [0xe6, 0x97], [0xf0, 0x9f, 0x98]];
const nonUtf8: fc.Arbitrary<FuzzCase> = seedArb().chain((seed) =>
  fc.record({ at: fc.array(fc.record({ p: unit, bad: fc.constantFrom(...BAD_SEQUENCES) }), { minLength: 1, maxLength: 4 }), atEnd: fc.boolean(), format: formatFor(seed), probes }).map(({ at, atEnd, format, probes }) => {
    let bytes = Array.from(new TextEncoder().encode(seed.text));
    for (const { p, bad } of at) {
      const i = Math.floor(p * (bytes.length + 1));
      bytes = [...bytes.slice(0, i), ...bad, ...bytes.slice(i)];
    }
    if (atEnd) bytes.push(0xe6, 0x97);
    return { how: `non-utf8(${seed.name})`, bytes: Uint8Array.from(bytes), ...(format ? { format } : {}), probes };
  }),
);

/** Random bytes, sometimes after a valid head. */
const randomBytes: fc.Arbitrary<FuzzCase> = fc
  .record({ bytes: fc.uint8Array({ maxLength: 3000 }), head: fc.boolean(), format: fc.constantFrom<('yaml' | 'json' | undefined)[]>('yaml', 'json', undefined), probes })
  .map(({ bytes, head, format, probes }) => {
    const h = head ? new TextEncoder().encode('apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: ') : new Uint8Array();
    const all = new Uint8Array(h.length + bytes.length);
    all.set(h);
    all.set(bytes, h.length);
    return { how: 'random-bytes', bytes: all, ...(format ? { format } : {}), probes };
  });

/** The unmodified seeds: they must pass too (and are where the mutations start). */
const plainSeed: fc.Arbitrary<FuzzCase> = seedArb().chain((seed) => probes.map((p) => ({ how: `seed(${seed.name})`, text: seed.text, format: seed.format, probes: p })));

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 14, arbitrary: mutatedText },
  { weight: 2, arbitrary: tokenSoup },
  { weight: 2, arbitrary: nonUtf8 },
  { weight: 1, arbitrary: randomBytes },
  { weight: 1, arbitrary: plainSeed },
);

/** Text of about `size` characters made of mutated seeds: for the time bound of large documents. */
export function largeText(target: number): fc.Arbitrary<FuzzCase> {
  return fc.record({ parts: fc.array(mutatedText, { minLength: 1, maxLength: 4 }), mode: fc.constantFrom('stream', 'one-document', 'json-array') }).map(({ parts, mode }) => {
    const texts = parts.map((p) => p.text ?? '');
    if (mode === 'json-array') {
      const items: string[] = [];
      let size = 2;
      for (let i = 0; size < target; i++) {
        const t = seeds().filter((s) => s.format === 'json')[i % 7]!.text.trim();
        items.push(t.startsWith('[') ? t.slice(1, -1) : t);
        size += t.length + 1;
      }
      const text = `[${items.join(',')}]`;
      return { how: `large json array (${text.length})`, text, format: 'json' as const, probes: [0.5] };
    }
    const out: string[] = [];
    let size = 0;
    for (let i = 0; size < target; i++) {
      const t = texts[i % texts.length]!;
      out.push(t);
      size += t.length + 5;
      if (i > 1_000_000) break;
    }
    // One document: each mutated text nested under a key of its own in spec.
    const text = mode === 'stream' ? out.join('\n---\n') : `apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: big\n${out.map((t, i) => `  k${i}:\n${t.replace(/^/gm, '  ')}`).join('\n')}\n`;
    const cut = text.slice(0, target);
    return { how: `large ${mode} (${cut.length}) of ${parts.map((p) => p.how).join(', ')}`, text: cut, format: 'yaml' as const, probes: [0.5] };
  });
}
