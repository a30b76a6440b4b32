/**
 * The CLI on a file with one finding of each rule a document can show, and on the
 * few files that show the rest (encoding, size, nesting, alias bombs, message
 * size): every code at the line and column read off the fixture by hand.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, makeRepo as tempRepo, runCli } from './run-cli';

const EXPECTED = [
  '5:9 error duplicate-name',
  '9:9 error Conflict.Name',
  '10:10 error InvalidParameter.Email',
  '11:21 error InvalidParameter.ContactGroupIds',
  '13:14 warning webhook-address-mismatch',
  '14:16 warning secret-in-plaintext',
  '16:14 error wecom-bare-key',
  '18:14 error invalid-url',
  '20:14 warning insecure-url',
  '21:5 warning unknown-property',
  '26:9 error duplicate-name',
  '28:9 error Conflict.Name',
  '32:1 error MissingParameter.Name',
  '38:3 error url-or-endpoint-required',
  '40:28 warning dingtalk-mention-missing',
  '48:3 warning complete-ignores-field',
  '49:13 warning topic-region-mismatch',
  '55:19 error operations-required',
  '56:3 error notify-users-limit',
  '64:19 error invalid-value',
  '70:7 error starts-at-required',
  '70:16 warning timeout-ambiguous',
  '71:16 warning timestamp-in-seconds',
  '78:22 error out-of-range',
  '79:7 error missing-property',
  '79:18 error timestamp-not-epoch-ms',
  '80:16 error out-of-range',
  '82:16 warning ends-before-starts',
  '90:7 error clear-requires-id',
  '90:7 warning clear-without-ends-at',
  '96:16 error invalid-value',
  '100:17 error invalid-type',
  '101:16 warning recover-before-first-occur',
  '105:1 error unknown-property',
  '111:19 error invalid-format',
  '119:3 error duplicate-key',
  '124:9 warning syntax-warning',
  '129:5 error unsupported-key',
  '136:1 error syntax-error',
];

/** `file:line:col severity code message` lines of one file, as `line:col severity code`. */
function findings(stdout: string, file: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`${file}:`))
    .map((l) => l.slice(file.length + 1).split(' ').slice(0, 3).join(' '));
}

test('every rule a document can show, each at its line and column, exit code 1', () => {
  const dir = tempRepo({});
  copyFileSync(join(ROOT, 'test/fixtures/every-rule/every-rule.yaml'), join(dir, 'every-rule.yaml'));
  const r = runCli(['validate', 'every-rule.yaml'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(findings(r.stdout, 'every-rule.yaml'), EXPECTED);
  assert.match(r.stderr, /1 file checked \(1 alert config, 0 not alert config\), 0 skipped\. 26 errors, 13 warnings\./);
  assert.match(r.stdout, /^every-rule\.yaml:21:5 warning unknown-property Unknown property "Tokn"\. Did you mean "Token"\?$/m);
  assert.match(r.stdout, /^every-rule\.yaml:79:18 error timestamp-not-epoch-ms .* use 1729094581000 \(2024-10-16T16:03:01\.000Z\)\.$/m);
  assert.match(r.stdout, /^ {2}every-rule\.yaml:28:9 also declared here$/m);
});

test('the rules that need a file of their own', () => {
  const nested = `${'['.repeat(600)}${']'.repeat(600)}`;
  const laughs = ['  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 7; i++) laughs.push(`  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  const dir = tempRepo({
    'big/.alertcfg.yaml': 'maxFileSize: 1024\n',
    'big/large.yaml': `apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: big\n# ${'x'.repeat(2000)}\n`,
    'latin1.yaml': Buffer.concat([Buffer.from('apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    'deep.yaml': `apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: deep\n  extra: ${nested}\n`,
    'laughs.yaml': `apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: laughs\n${laughs.join('\n')}\n`,
    'long.yaml': `apiVersion: alertcfg/v1\nkind: DingTalkTestConnection\nspec:\n  params:\n    url: https://oapi.dingtalk.com/robot/send?access_token=\${env:T}\n    testMsg: "${'x'.repeat(20_001)}"\n`,
  });
  const r = runCli(['validate', 'latin1.yaml', 'deep.yaml', 'laughs.yaml', 'long.yaml'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(findings(r.stdout, 'latin1.yaml'), ['4:12 error encoding-error']);
  // Nesting past 500 levels is not composed at all (the parser's stack), so nothing else of the document is checked.
  assert.deepEqual(findings(r.stdout, 'deep.yaml'), ['5:509 error nesting-too-deep']);
  assert.deepEqual(findings(r.stdout, 'laughs.yaml'), ['1:1 error alias-expansion-limit']);
  assert.deepEqual(findings(r.stdout, 'long.yaml'), ['6:14 error message-too-long']);
  // A file too large to read is an error: CI must not pass it.
  const big = runCli(['validate', 'big'], dir);
  assert.equal(big.status, 1, big.stdout + big.stderr);
  assert.deepEqual(findings(big.stdout, 'big/large.yaml'), ['1:1 error file-too-large']);
});
