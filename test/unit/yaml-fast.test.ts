/**
 * The YAML fast path (engine/parse/yaml-fast.ts) against the `yaml` package: for
 * every document the fast path accepts, the tree must be exactly the one the full
 * parser builds (values, quoting, every start and end), and the full parser must
 * find nothing wrong with it. Documents come from a seeded generator of block and
 * flow YAML with comments, blank lines, odd scalars and random damage, so both the
 * accepted and the refused sides are exercised.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { parseYamlDocument, parseYamlDocumentFull } from '../../server/src/engine/parse/yaml';
import { parseYamlFast, resolvePlain } from '../../server/src/engine/parse/yaml-fast';
import { splitYamlDocuments } from '../../server/src/engine/parse/yaml-split';
import { rng } from '../helpers/random';

const SCALARS = ['a', 'word', 'two words', 'x1', '0', '-0', '+5', '12', '007', '1.0', '1.50', '.5', '1.', '1e3', '-1E-2', '0x1F', '0o17', '0o8', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'False', 'TRUE', 'yes', 'no',
  'a:b', 'http://x:80/y?a=1&b=2', 'a#b', 'a #b', '-x', '?x', ':x', '@x', '%x', '`x', '&a x', '*a', '!tag x', '!!str 1', '|', '>', '|-', 'x, y', 'a[1]', 'a{b}', '[a, b]', '[]', '{}', '{ a: 1, b: [x, "y"] }', '[a, [b, c], {d: e}]', '{a: 1,}', '[a,,b]', '[a, b', '{a}', '{a: }', '{"a": 1}', '{ "a":1 }', "{ 'k': v }", '[x: y]', '[-x, ?y, :z]', '[-x, ?, :z]', '[a #c]', '[ ]', '{ }', '[a , b ]',
  '"q"', '"a\\"b"', '"\\x41\\u00e9\\U0001F600"', '"\\q"', '"tab\\tnl\\n"', '"  sp  "', '""', "''", "'it''s'", "'a\"b'", '"unterminated', "'x' y", '"x"#c', '"x" #c', '中文', 'emoji 😀', 'a: b', 'a:', '- x', '? x', 'a ', 'b   ', '${secret:x}', '${env:Y}', 'SEC0123', '<url>', '***', '"${secret:x}"', '1_000', '0b101', '2024-05-20', '12:30', '1:2:3', '-', '--', '---x', '...x'];
const KEYS = ['a', 'b', 'key', 'Name', 'Email', 'x-y', 'a.b', 'a b', '1', '01', 'true', 'null', '~', '"q k"', "'s k'", '"a"', 'a', '<<', '-k', '?k', ':k', '[k]', 'k#', 'k #c', '"x":y', 'spec', 'metadata', '中文', 'a/b', '$schema', 'k:v'];
const GOOD_SCALARS = SCALARS.filter((x) => !/^[@%`&*!|>]|^(- |\? |: )|: |^"unterminated|'x' y|"x"#c|\[a, b$|,\}|,,|\{a\}|\{a: \}|\[x: y\]|\[-x|\[a #c\]|\\q|^-$|^--$/.test(x) && !x.endsWith(':'));
const GOOD_KEYS = KEYS.filter((x) => !/^[-?:[]|#|"x":y|<<|k:v|^(true|null|~)$/.test(x));

/** A random YAML document; `good` draws from values and keys that keep it valid more often, and does not damage it. */
function generate(r: () => number, good: boolean): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const scalars = good ? GOOD_SCALARS : SCALARS;
  const keys = good ? GOOD_KEYS : KEYS;
  const lines: string[] = [];
  const sp = (n: number) => ' '.repeat(n);
  const extra = () => {
    const x = r();
    if (x < 0.08) lines.push(`${sp(Math.floor(r() * 7))}# c${Math.floor(r() * 9)}`);
    else if (x < 0.13) lines.push('');
    else if (x < 0.15) lines.push(sp(Math.floor(r() * 4)));
  };
  const tail = () => (r() < 0.08 ? ' # t' : r() < 0.04 ? '   ' : r() < 0.02 && !good ? '#bad' : '');
  const map = (ind: number, depth: number, first?: string) => {
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      node(`${i === 0 && first !== undefined ? first : sp(ind)}${pick(keys)}:`, ind, depth);
      extra();
    }
  };
  const seq = (ind: number, depth: number) => {
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const x = r();
      const dash = sp(ind) + (r() < 0.1 ? '-  ' : '- ');
      if (x < 0.3 && depth < 5) map(dash.length, depth + 1, dash);
      else if (x < 0.4 && depth < 5) {
        lines.push(`${sp(ind)}-${tail()}`);
        extra();
        if (r() < 0.5) map(ind + 2, depth + 1);
        else seq(ind + 2, depth + 1);
      } else if (x < 0.45) lines.push(`${sp(ind)}-${r() < 0.5 ? ' ' : ''}${tail()}`);
      else lines.push(dash + pick(scalars) + tail());
      extra();
    }
  };
  const node = (head: string, ind: number, depth: number) => {
    const x = r();
    if (x < 0.55 || depth > 5) lines.push(`${head} ${pick(scalars)}${tail()}`);
    else if (x < 0.62) lines.push(head + tail());
    else if (x < 0.85) {
      lines.push(head + tail());
      extra();
      map(ind + pick([2, 2, 2, 4, 1]), depth + 1);
    } else {
      lines.push(head + tail());
      extra();
      seq(ind + pick([0, 2, 2, 4]), depth + 1);
    }
  };
  if (r() < 0.2) lines.push('# header');
  if (r() < 0.2) lines.push('---');
  const rootIndent = r() < 0.05 ? 2 : 0;
  if (r() < 0.8) map(rootIndent, 0);
  else seq(rootIndent, 0);
  let text = lines.join('\n');
  if (r() < 0.8) text += '\n';
  if (!good) {
    const m = r();
    const at = Math.floor(r() * text.length);
    if (m < 0.1) text = text.slice(0, at) + pick([':', ' ', '-', '#', '"', "'", '\n', '  ', '[', '{', ',', '\t', '\r']) + text.slice(at);
    else if (m < 0.15) text = text.slice(0, at) + text.slice(at + 1);
  }
  return text;
}

/** Checks one document; returns whether the fast path took it. */
function check(text: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return false;
  const full = parseYamlDocumentFull(text, 0, 0);
  assert.deepEqual(full.syntax.map((f) => f.message), [], `the fast path accepted a document the yaml package complains about: ${JSON.stringify(text)}`);
  try {
    assert.deepStrictEqual(fast, full.root);
  } catch (err) {
    throw new Error(`fast and full trees differ for ${JSON.stringify(text)}\n${(err as Error).message}`);
  }
  return true;
}

for (const good of [true, false]) {
  test(`fast path equals the yaml package on ${good ? 'mostly valid' : 'damaged'} generated documents`, () => {
    const r = rng(good ? 20241 : 77);
    let taken = 0;
    const total = 4000;
    for (let i = 0; i < total; i++) if (check(generate(r, good))) taken++;
    // Both sides must be exercised: the fast path takes a good share, and refuses some.
    assert.ok(taken > total * (good ? 0.3 : 0.08), `fast path took only ${taken} of ${total}`);
    assert.ok(taken < total, 'fast path refused nothing');
  });
}

test('layouts found by the differential fuzzer give the same trees (or go to the full parser)', () => {
  const cases = [
    '01:\n- a: b\n # c2\n',
    'a:\n  b: 1\n  # c\nd: 2\n',
    'a:\n  b: 1\n    # deeper\nd: 2\n',
    'a:\n  b: 1\n    # d4\n  # d2\n',
    'a:\n  b: 1\n  # d2\n    # d4\n',
    'a:\n  - x\n   # c3\nb: 1',
    'k:\n  y:\n    # c\n',
    'k:\n  y:\n  # c\n',
    'Name:\n\n  - NULL\n # c2\n  - \nEmail: x\n',
    '---\n- a: b\n# c1\n- \n',
    "k#:\n  \"q k\":\n      - {}\n      - ''\n   #[ c1\n   \n",
    '01:\n      # c5\n  - a[1] # t\n  - 1:\n      a b: TRUE\n      metadata: "x" #c\n      # c3\n  -  http://x:80/y\n',
    '中文:\n    - a: b\n      # c5\n\n',
    'Name: [-x, ?, :z]\n',
    'a: \n',
    'a:  # c\nb: 1',
    '- \n- x',
    '-\n  a: 1\n',
    'a: 1 # c\n',
    'a: [x]\n    # c\n',
  ];
  for (const c of cases) check(c);
});

test('the generated benchmark shapes, the examples and the test fixtures all match', () => {
  let root = __dirname;
  while (!statSync(join(root, 'schemas'), { throwIfNoEntry: false })?.isDirectory() && dirname(root) !== root) root = dirname(root);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) files.push(p);
    }
  };
  walk(join(root, 'examples'));
  walk(join(root, 'test', 'fixtures'));
  let taken = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const seg of splitYamlDocuments(text)) if (check(text.slice(seg.start, seg.end))) taken++;
  }
  assert.ok(taken > 5, `only ${taken} documents took the fast path`);
});

test('plain scalars resolve as the YAML 1.2 core schema says', () => {
  const cases: [string, unknown][] = [
    ['~', null], ['null', null], ['Null', null], ['nULL', 'nULL'], ['true', true], ['False', false], ['TRUE', true], ['yes', 'yes'],
    ['12', 12], ['-0', -0], ['+5', 5], ['007', 7], ['0o17', 15], ['0o8', '0o8'], ['0x1F', 31], ['1.50', 1.5], ['.5', 0.5], ['1.', 1], ['1e3', 1000],
    ['.inf', Infinity], ['-.Inf', -Infinity], ['.NaN', NaN], ['1_000', '1_000'], ['2024-05-20', '2024-05-20'], ['0b101', '0b101'],
  ];
  for (const [s, v] of cases) assert.ok(Object.is(resolvePlain(s), v), `${s} → ${String(resolvePlain(s))}, expected ${String(v)}`);
});

test('parseYamlDocument keeps its contract on both paths: modelines, offsets and limits', () => {
  const text = '# alertcfg: kind=Contact\nName: x\n';
  const doc = parseYamlDocument(text, 3, 100);
  assert.equal(doc.index, 3);
  assert.equal(doc.base, 100);
  assert.equal(doc.modelineKind, 'Contact');
  assert.equal(doc.broken, false);
  assert.deepEqual(doc, parseYamlDocumentFull(text, 3, 100));
  // A tight depth limit goes to the full parser, which reports it.
  const deep = parseYamlDocument('a:\n  b:\n    c: 1\n', 0, 0, {}, { maxDepth: 1, maxExpandedNodes: 100 });
  assert.deepEqual(deep.syntax.map((f) => f.code), ['nesting-too-deep']);
});
