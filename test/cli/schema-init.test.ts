/**
 * `alertcfg schema [KIND]`, `alertcfg init [KIND]` and `--version`, run through the
 * built bundle. What init prints must validate cleanly.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, assertNoStack, makeRepo, runCli, tempDir } from './run-cli';

const SLOW = { timeout: 60_000 };
const KINDS = ['Contact', 'AlarmCallback', 'DingTalkTestConnection', 'KeyOperationNotification', 'EventReport'];
const SCHEMA_FILE: Record<string, string> = {
  Contact: 'contact.schema.json',
  AlarmCallback: 'alarm-callback.schema.json',
  DingTalkTestConnection: 'dingtalk-test-connection.schema.json',
  KeyOperationNotification: 'key-operation-notification.schema.json',
  EventReport: 'event-report.schema.json',
};

function schemaFile(name: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8'));
}

// ---- schema -------------------------------------------------------------------------

test('schema with no kind prints the envelope schema', SLOW, () => {
  const r = runCli(['schema'], tempDir());
  assert.equal(r.status, 0, r.stderr);
  const s = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.match(String(s['$id']), /\/alertcfg\.schema\.json$/);
  assert.equal(s['$id'], 'https://alertcfg.dev/schemas/v1/alertcfg.schema.json');
  assert.deepEqual(s, schemaFile('alertcfg.schema.json'));
});

test('schema contact (any case) prints the Contact body schema', SLOW, () => {
  for (const arg of ['contact', 'Contact', 'CONTACT']) {
    const r = runCli(['schema', arg], tempDir());
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.match(String(s['$id']), /\/contact\.schema\.json$/, arg);
    assert.deepEqual(s, schemaFile('contact.schema.json'), arg);
  }
});

test('schema KIND for every kind prints that kind\'s schema file', SLOW, () => {
  for (const kind of KINDS) {
    const r = runCli(['schema', kind.toLowerCase()], tempDir());
    assert.equal(r.status, 0, `${kind}: ${r.stderr}`);
    assert.deepEqual(JSON.parse(r.stdout), schemaFile(SCHEMA_FILE[kind]!), kind);
  }
});

test('schema Foo: exit 2, a one-line message naming the kinds, and the usage', SLOW, () => {
  const r = runCli(['schema', 'Foo'], tempDir());
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.split('\n')[0], 'alertcfg: unknown kind "Foo"; kinds are Contact, AlarmCallback, DingTalkTestConnection, KeyOperationNotification, EventReport.');
  assert.match(r.stderr, /\nUsage:\n/);
  assertNoStack(r.stderr);
});

// ---- init ---------------------------------------------------------------------------

test('init Contact: a Contact from the doc example that validates with exit 0 and no findings', SLOW, () => {
  const root = makeRepo({});
  const r = runCli(['init', 'Contact'], root);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.split('\n');
  assert.equal(out[0], '# Alert contact — Volcengine VMP CreateContact');
  assert.deepEqual(out.slice(1, 5), ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: my-contact']);
  assert.ok(out.includes('  Name: user-demo'), r.stdout);
  assert.ok(out.includes('    SecretKey: ${secret:dingtalk-secret}'), 'secrets are references');
  writeFileSync(join(root, 'contact.yaml'), r.stdout);
  const v = runCli(['validate', 'contact.yaml'], root);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  assert.equal(v.stdout, '');
  assert.equal(v.stderr, '1 file checked (1 alert config, 0 not alert config), 0 skipped. No problems.\n');
});

test('init for every kind: each validates with exit 0 and no findings, also with --max-warnings 0', SLOW, () => {
  for (const kind of KINDS) {
    const root = makeRepo({});
    const r = runCli(['init', kind], root);
    assert.equal(r.status, 0, `${kind}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^kind: ${kind}$`, 'm'));
    writeFileSync(join(root, 'new.yaml'), r.stdout);
    const v = runCli(['validate', '--max-warnings', '0', '--format', 'json'], root);
    assert.equal(v.status, 0, `${kind}: ${v.stdout}`);
    const report = JSON.parse(v.stdout) as { checked: number; files: unknown[] };
    assert.equal(report.checked, 1, kind);
    assert.deepEqual(report.files, [], kind);
  }
});

test('init with no kind prints every kind in one multi-document file, which validates cleanly', SLOW, () => {
  const root = makeRepo({});
  const r = runCli(['init'], root);
  assert.equal(r.status, 0);
  assert.deepEqual([...r.stdout.matchAll(/^kind: (\w+)$/gm)].map((m) => m[1]), KINDS);
  writeFileSync(join(root, 'all.yaml'), r.stdout);
  const v = runCli(['validate', '--max-warnings', '0'], root);
  assert.equal(v.status, 0, v.stdout);
  assert.equal(v.stdout, '');
});

test('init --name sets metadata.name; two inits with one name are a duplicate-name', SLOW, () => {
  const root = makeRepo({});
  const r = runCli(['init', 'eventreport', '--name', 'disk-alarms'], root);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^metadata:\n {2}name: disk-alarms$/m);
  writeFileSync(join(root, 'a.yaml'), r.stdout);
  writeFileSync(join(root, 'b.yaml'), r.stdout);
  const v = runCli(['validate'], root);
  assert.equal(v.status, 1);
  assert.deepEqual(v.stdout.split('\n').filter((l) => !l.startsWith('  ') && l).map((l) => l.split(' ').slice(1, 3).join(' ')), ['error duplicate-name', 'error duplicate-name']);
});

test('init Foo: exit 2 with a one-line message', SLOW, () => {
  const r = runCli(['init', 'Foo'], tempDir());
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.split('\n')[0], 'alertcfg: unknown kind "Foo"; kinds are Contact, AlarmCallback, DingTalkTestConnection, KeyOperationNotification, EventReport.');
});

// ---- version --------------------------------------------------------------------------

test('--version prints the package version', SLOW, () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  for (const flag of ['--version', '-v']) {
    const r = runCli([flag], tempDir());
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${version}\n`);
    assert.equal(r.stderr, '');
  }
});
