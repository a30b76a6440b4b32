/**
 * Every crash, hang and wrong answer the fuzzer found, as a test of its own (the
 * smallest input that shows it), plus the full property check on that input.
 * Timings are not asserted: the runner's timeout is the guard against the hangs
 * some of these were (minutes before the fix).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { DocumentCache, completionsAt, hoverAt, parseConfigFile, parseSource, selectResource, validateText } from '../../server/src/engine/index';
import { checkCase, checkFindings } from './properties';

const SLOW = { timeout: 120_000 };
const H = 'apiVersion: alertcfg/v1\nkind: Contact\n';

/** The engine, run with `frames` more stack frames in use. */
function deeper<T>(frames: number, f: () => T): T {
  return frames <= 0 ? f() : deeper(frames - 1, f);
}

const brief = (text: string, r = validateText(text)) => r.findings.map((f) => `${f.code} ${f.start}-${f.end}`);

// ---- 1. ranges past the end of the text --------------------------------------------

test('found: a YAML syntax error at the very end of the text had its range past the end (config file and documents)', () => {
  for (const text of ['{', "'", `${H}spec: {`, `${H}spec:\n  Name: "x`, '[a, b']) {
    const r = validateText(text, { format: 'yaml' });
    checkFindings('validateText', text, r.findings);
    checkFindings('parseConfigFile', text, parseConfigFile(text).findings);
    checkCase({ how: 'regression', text, format: 'yaml', probes: [0, 0.5, 1] });
  }
  // An empty range at the end of the text (45 characters), where the closing brace is missing.
  assert.deepEqual(brief(`${H}spec: {`), ['syntax-error 45-45']);
});

test('found: a JSON syntax error at the very end of the text had its range past the end', () => {
  for (const text of ['{"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {"Name": "x"', '[{"kind": "Contact"', '{"kind": "Contact", "spec": "x']) {
    checkFindings('validateText', text, validateText(text, { format: 'json' }).findings);
    checkCase({ how: 'regression', text, format: 'json', probes: [1] });
  }
});

// ---- 2. an action planned on a document with a syntax error -------------------------

test('found: a syntax error at the end of the last document did not stop an action (it planned on a partial tree)', () => {
  // The fuzzer met it as an alias bomb in a document with an unclosed quote: planning expanded
  // the bomb and ran out of memory. The error at the end of the text belonged to no document.
  const text = `${H}metadata: {name: x}\nspec:\n  Name: "sre-oncall`;
  const r = validateText(text);
  assert.deepEqual(r.findings.map((f) => f.code), ['syntax-error']);
  const sel = selectResource(r, 0);
  assert.equal(sel.ok, false, 'an action on a document with a syntax error must be refused');
  assert.match(sel.ok ? '' : sel.message, /has 1 error \(syntax-error\)/);
});

// ---- 3. findings that depended on the caller's stack --------------------------------

test('found: deep nesting gave different findings in the editor (cache) and the CLI, and from one call to the next', SLOW, () => {
  for (const [open, close] of [['[', ']'], ['{"a":', '}'], ['{a: ', '}'], ['- ', '']] as const) {
    for (const depth of [499, 600, 1000, 4000, 9053]) {
      const text = `${H}metadata:\n  name: x\nspec:\n  Name: y\n  k:\n    ${open.repeat(depth)}1${close.repeat(depth)}\n`;
      const fresh = brief(text);
      const cache = new DocumentCache();
      validateText(H, { format: 'yaml', cache });
      assert.deepEqual(brief(text, validateText(text, { format: 'yaml', cache })), fresh, `${open} ×${depth}: cached`);
      assert.deepEqual(brief(text, deeper(2000, () => validateText(text))), fresh, `${open} ×${depth}: 2,000 frames deeper`);
      assert.deepEqual(brief(text), fresh, `${open} ×${depth}: again`);
      if (depth > 500) assert.ok(fresh.some((f) => f.startsWith('nesting-too-deep')), `${open} ×${depth}: ${fresh.join(', ')}`);
    }
  }
});

test('found: the parser nests compact mappings of every line into the one before ("a: b: c:" lines): the depth is its own', SLOW, () => {
  // 933 levels made of 933 lines: not deep for the indentation, deep for the parser's recovery.
  const text = `${H}${Array.from({ length: 1000 }, () => 'a: b: c:').join('\n')}\n`;
  const fresh = brief(text);
  assert.deepEqual(brief(text, deeper(2000, () => validateText(text))), fresh);
  // Two levels a line: depth 501 is reached on line 250 of the body, at its `b`.
  assert.deepEqual(fresh, ['nesting-too-deep 2291-2292']);
});

/** The steps that crashed a process: validations of ever shallower nesting, as a search for the parser's limit makes them. */
const CHILD = 'ALERTCFG_FUZZ_CHILD';
if (process.env[CHILD] === 'deep-nesting') {
  let lo = 1;
  let hi = 200_000;
  while (lo < hi) {
    const m = (lo + hi + 1) >> 1;
    const r = validateText(`${H}spec: ${'['.repeat(m)}${']'.repeat(m)}\n`);
    parseConfigFile(`${'['.repeat(m)}${']'.repeat(m)}`);
    if (!r.findings.some((f) => f.code === 'nesting-too-deep')) lo = m;
    else hi = m - 1;
  }
  process.stdout.write(`deepest accepted: ${lo}\n`);
  process.exit(0);
}

test('found: validating ever shallower deep nesting killed the process (V8 "RegExpCompiler Allocation failed")', SLOW, () => {
  // A stack overflow inside the `yaml` package that landed while V8 compiled a regular expression
  // was fatal: no exception, the process aborted. Run in a child so a crash fails this test only.
  const child = spawnSync(process.execPath, [__filename], { env: { ...process.env, [CHILD]: 'deep-nesting' }, encoding: 'utf8', timeout: 100_000 });
  assert.equal(child.signal, null, `killed by ${child.signal}: ${child.stderr.slice(0, 500)}`);
  assert.equal(child.status, 0, child.stderr.slice(0, 2000));
  // The envelope's root mapping is depth 0 and spec's first [ depth 1: 500 brackets are composed, 501 are not.
  assert.equal(child.stdout.trim(), 'deepest accepted: 500');
});

// ---- 4. a spread of many findings ---------------------------------------------------

test('found: 150,000 schema findings in one document threw RangeError (findings.push(...all))', SLOW, () => {
  const text = `${H}spec:\n  Name: x\n  ContactGroupIds: [${Array(150_000).fill('bad').join(', ')}]\n`;
  const r = validateText(text);
  checkFindings('validateText', text, r.findings);
  assert.ok(r.findings.length > 1000);
});

test('found: 200,000 duplicate keys in a JSON object threw RangeError', SLOW, () => {
  const text = `{"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {"Name": "x"${', "a": 1'.repeat(200_000)}}}`;
  const r = validateText(text);
  assert.equal(r.findings.filter((f) => f.code === 'duplicate-key').length, 199_999);
});

// ---- 5. quadratic work: minutes on a megabyte ---------------------------------------

test('found: 200,000 duplicate keys in one YAML mapping took minutes (each duplicate searched the whole tree)', SLOW, () => {
  const text = `${H}metadata: {labels: {${Array(200_000).fill('a: 1').join(', ')}}}\n`;
  const r = validateText(text);
  assert.equal(r.findings.filter((f) => f.code === 'duplicate-key').length, 199_999);
  // Each finding covers the whole duplicate key.
  const first = r.findings.find((f) => f.code === 'duplicate-key')!;
  assert.equal(text.slice(first.start, first.end), 'a');
});

test('found: a mapping of 60,000 keys in one document took minutes (the parser compared every key with every other)', SLOW, () => {
  // Block form (the fast path) and multi-line flow form with CRLF (the `yaml` package).
  const block = `${H}spec:\n  Name: x\n${Array.from({ length: 60_000 }, (_, i) => `  Adress${i}: v\n`).join('')}`;
  const flow = `${H}metadata:\r\n  labels: {\r\n${Array.from({ length: 60_000 }, (_, i) => `    k${i}: v`).join(',\r\n')}\r\n  }\r\nspec: {Name: x}\r\n`;
  for (const text of [block, flow]) {
    const r = validateText(text);
    checkFindings('validateText', text, r.findings);
    assert.equal(parseSource(text).length, 1);
  }
});

test('duplicate keys: the same findings as the `yaml` package gave (type-aware, NaN never equal, merge keys)', () => {
  assert.deepEqual(brief(`${H}spec:\n  Name: a\n  Name: b\n`), ['duplicate-key 56-60']);
  assert.deepEqual(brief(`${H}spec:\n  Name: a\n  "Name": b\n`), ['duplicate-key 56-62']);
  // 1 and "1" are different keys; .nan never equals itself.
  const r = parseSource('1: a\n"1": b\n.nan: c\n.nan: d\ntrue: e\n"true": f\n')[0]!;
  assert.deepEqual(r.syntax, []);
  // Two merge keys in one mapping are duplicates for the `yaml` package too.
  const m = parseSource('a: &x {k: 1}\nb:\n  <<: *x\n  <<: *x\n')[0]!;
  assert.deepEqual(m.syntax.map((f) => `${f.code} ${f.start}-${f.end}`), ['duplicate-key 27-29']);
});

// ---- 6. the editor features ---------------------------------------------------------

test('found: completion under a mapping of a few thousand keys overflowed the stack (one call per sibling key)', SLOW, () => {
  const keys = Array.from({ length: 5000 }, (_, i) => `  k${i}: v`).join('\n');
  const text = `${H}metadata:\n  name: x\nspec:\n  Name: x\n${keys}\n  `;
  const r = validateText(text);
  const items = completionsAt(text, text.length, r, { locale: 'en', format: 'yaml' });
  // Still the keys of a Contact body: the path was found through the 5,000 siblings.
  assert.ok(items.some((i) => i.label === 'Email'), items.map((i) => i.label).slice(0, 10).join(', '));
  checkCase({ how: 'regression', text, format: 'yaml', probes: [1, 0.5] });
});

test('completion at the bottom of 3,000 levels of block nesting and of 5,000 compact "- " levels: no throw', SLOW, () => {
  const block = `${H}spec:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n')}\n${'  '.repeat(3001)}`;
  const dashes = `${H}spec:\n  k:\n    ${'- '.repeat(5000)}`;
  for (const text of [block, dashes]) {
    const r = validateText(text);
    for (const at of [text.length, Math.floor(text.length / 2)]) {
      for (const e of completionsAt(text, at, r, { locale: 'en', format: 'yaml' })) assert.ok(e.start >= 0 && e.end <= text.length);
      hoverAt(text, at, r, { locale: 'en' });
    }
  }
});

test('found: completion in a JSON text nested thousands deep overflowed the stack (jsonc-parser getLocation)', SLOW, () => {
  for (const text of [`? ${'['.repeat(3915)}`, `{"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": ${'{"a":'.repeat(4000)}`, '['.repeat(100_000)]) {
    const r = validateText(text, { format: 'json' });
    for (const at of [0, text.length >> 1, text.length]) {
      assert.deepEqual(deeper(1000, () => completionsAt(text, at, r, { locale: 'en', format: 'json' })), []);
      hoverAt(text, at, r, { locale: 'en' });
    }
    checkCase({ how: 'regression', text, format: 'json', probes: [0, 0.5, 1] });
  }
});
