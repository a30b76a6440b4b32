/**
 * Property-based fuzzing of the engine (properties.ts) on cases from mutate.ts,
 * seeded with every fixture and example. `npm test` runs a short campaign with a
 * fixed seed; `npm run fuzz -- --count N --seed S` a long one. A failure prints the
 * seed and the shrunk case; it then becomes a regression test in regressions.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { validateText } from '../../server/src/engine/index';
import { fuzzConfig, report } from './config';
import { seeds } from './corpus';
import { type FuzzCase, fuzzCase, largeText } from './mutate';
import { checkCase, checkFindings } from './properties';

const cfg = fuzzConfig();
/** Guards against a hang only; the numbers are far above what a run takes. */
const GUARD = { timeout: cfg.long ? 24 * 3600_000 : 240_000 };

function describeCase(c: FuzzCase): string {
  const t = c.text ?? `<${c.bytes?.length} bytes>`;
  return `${c.how} format=${c.format ?? 'guess'} ${JSON.stringify(t.length > 400 ? `${t.slice(0, 400)}…(${t.length})` : t)}`;
}

test('the seeds: at least one file of each example folder, fixture and catalog example', () => {
  const names = seeds().map((s) => s.name);
  assert.ok(names.some((n) => n.startsWith('examples/contacts/')));
  assert.ok(names.some((n) => n.startsWith('test/fixtures/')));
  assert.ok(names.some((n) => n.startsWith('catalog ')));
  assert.ok(names.filter((n) => n.endsWith('.json')).length >= 3);
});

test('the property can fail: a finding outside the document is caught', () => {
  assert.throws(() => checkFindings('probe', 'abc', [{ code: 'syntax-error', severity: 'error', message: 'x', start: 2, end: 4 }]), /outside the document/);
  assert.throws(() => checkFindings('probe', 'abc', [{ code: 'no-such-code', severity: 'error', message: 'x', start: 0, end: 1 }]), /not in the rule catalog/);
});

test(`engine: never throws, ranges inside the document, cache = fresh (${cfg.engineRuns} cases, seed ${cfg.seed})`, GUARD, () => {
  let cases = 0;
  let chars = 0;
  let findings = 0;
  let slowest = { ms: 0, how: '' };
  const kinds = new Map<string, number>();
  const started = performance.now();
  fc.assert(
    fc.property(fuzzCase, (c) => {
      const s = checkCase(c, c.from);
      cases++;
      chars += s.chars;
      findings += s.findings;
      const family = c.how.replace(/\(.*$/, '').replace(/[×(].*$/, '');
      kinds.set(family, (kinds.get(family) ?? 0) + 1);
      if (s.ms > slowest.ms) slowest = { ms: Math.round(s.ms), how: `${c.how} (${s.chars} chars)` };
    }),
    {
      seed: cfg.seed,
      numRuns: cfg.engineRuns,
      // The shrunk case is the one to keep as a regression test.
      reporter: (r) => {
        if (r.failed) throw new Error(`fuzz failure (seed ${r.seed}, path "${r.counterexamplePath}"): ${describeCase(r.counterexample![0] as FuzzCase)}\n${r.errorInstance instanceof Error ? r.errorInstance.stack : String(r.errorInstance)}`);
      },
    },
  );
  const ms = Math.round(performance.now() - started);
  report({ property: 'engine', seed: cfg.seed, cases, chars, findings, ms, slowest, families: Object.fromEntries(kinds) });
  assert.equal(cases, cfg.engineRuns);
});

test(`engine: documents of up to 1 MB finish (${cfg.largeRuns} cases, seed ${cfg.seed})`, GUARD, () => {
  const times: number[] = [];
  let worst = { ms: 0, how: '' };
  fc.assert(
    fc.property(largeText(1024 * 1024), (c) => {
      const started = performance.now();
      const r = validateText(c.text!, { format: c.format });
      const ms = performance.now() - started;
      checkFindings('large', c.text!, r.findings);
      times.push(ms);
      if (ms > worst.ms) worst = { ms: Math.round(ms), how: c.how };
      if (cfg.boundMs !== undefined) assert.ok(ms <= cfg.boundMs, `${c.how}: ${Math.round(ms)} ms, over the bound of ${cfg.boundMs} ms`);
    }),
    { seed: cfg.seed, numRuns: cfg.largeRuns, endOnFailure: true },
  );
  report({ property: 'large', seed: cfg.seed, cases: times.length, maxMs: worst.ms, worst: worst.how, boundMs: cfg.boundMs ?? null });
});
