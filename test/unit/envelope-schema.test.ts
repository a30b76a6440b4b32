/**
 * schemas/alertcfg.schema.json, which editors use directly, dispatches on `kind`
 * exactly as the kinds registry says. Run with UPDATE_SCHEMAS=1 (`npm run
 * schemas`) to write the file instead.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { envelopeFromRegistry, kindTableSource } from '../tools/envelope-schema';
import { repoRoot } from '../helpers/repo';

const FILE = join(repoRoot(), 'schemas', 'alertcfg.schema.json');
const TABLE = join(repoRoot(), 'server', 'src', 'engine', 'kinds', 'table.generated.ts');

test('the envelope schema\'s kinds, targets and dispatch are the registry\'s (UPDATE_SCHEMAS=1 rewrites them)', () => {
  const current = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
  const derived = envelopeFromRegistry(current);
  if (process.env['UPDATE_SCHEMAS'] === '1') {
    writeFileSync(FILE, `${JSON.stringify(derived, null, 2)}\n`);
    return;
  }
  assert.deepStrictEqual(current, derived, 'schemas/alertcfg.schema.json is out of date: run npm run schemas');
});

test('the check can fail: a kind missing from the file is found', () => {
  const current = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
  const damaged = { ...current, allOf: (current['allOf'] as unknown as unknown[]).slice(1) };
  assert.notDeepStrictEqual(damaged, envelopeFromRegistry(damaged as Record<string, unknown>));
});

test('the kind table adapters read is the registry\'s (UPDATE_SCHEMAS=1 rewrites it)', () => {
  if (process.env['UPDATE_SCHEMAS'] === '1') {
    writeFileSync(TABLE, kindTableSource());
    return;
  }
  assert.equal(readFileSync(TABLE, 'utf8'), kindTableSource(), 'server/src/engine/kinds/table.generated.ts is out of date: run npm run schemas');
});
