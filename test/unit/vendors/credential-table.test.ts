/**
 * The credentials table the VS Code client reads (which credentials exist, their
 * labels, fields and environment variables) is the vendors registry's. Run with
 * UPDATE_SCHEMAS=1 (`npm run schemas`) to write it instead.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CREDENTIAL_TABLE } from '../../../server/src/engine/vendors/table.generated';
import { credentialSpecs } from '../../../server/src/engine/vendors/index';
import { repoRoot } from '../../helpers/repo';
import { credentialTableSource } from '../../tools/vendor-table';

const TABLE = join(repoRoot(), 'server', 'src', 'engine', 'vendors', 'table.generated.ts');

test('the credential table adapters read is the registry\'s (UPDATE_SCHEMAS=1 rewrites it)', () => {
  if (process.env['UPDATE_SCHEMAS'] === '1') {
    writeFileSync(TABLE, credentialTableSource());
    return;
  }
  assert.equal(readFileSync(TABLE, 'utf8'), credentialTableSource(), 'server/src/engine/vendors/table.generated.ts is out of date: run npm run schemas');
  assert.deepEqual(JSON.parse(JSON.stringify(CREDENTIAL_TABLE)), JSON.parse(JSON.stringify(credentialSpecs())));
});

test('every credential field names its environment variable, once, and a label in both languages', () => {
  const variables = CREDENTIAL_TABLE.flatMap((c) => c.forms.flatMap((f) => f.fields.map((x) => x.variable)));
  assert.deepEqual(variables.filter((v, i) => variables.indexOf(v) !== i), []);
  for (const c of CREDENTIAL_TABLE) {
    for (const form of c.forms) {
      assert.ok(form.label.en && form.label.zh, `${c.provider}: a form without both labels`);
      for (const f of form.fields) assert.ok(/^[A-Z][A-Z0-9_]+$/.test(f.variable) && f.label.en && f.label.zh, `${c.provider}.${f.key}`);
    }
  }
});
