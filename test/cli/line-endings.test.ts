/**
 * `alertcfg validate` on files whose lines end at a lone CR, or at a mix of line
 * breaks: `file:line:col` counts every CRLF, LF and lone CR as a line break, as
 * editors do.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, makeRepo, runCli } from './run-cli';

const SLOW = { timeout: 60_000 };

test('a lone-CR file: the findings at the line:col an editor shows', SLOW, () => {
  const root = makeRepo({
    'ok.yaml': 'apiVersion: alertcfg/v1\rkind: Contact\rspec:\r  Name: ok\r',
    'bad.yaml': 'apiVersion: alertcfg/v1\rkind: Contact\rspec:\r  Email: nope\r',
  });
  const r = runCli(['validate'], root);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, lines(
    'bad.yaml:3:1 error MissingParameter.Name Missing required property "Name" (Name of the alert contact): add it to "spec".',
    'bad.yaml:4:10 error InvalidParameter.Email "Email" must be a valid e-mail address, such as user-demo@example.com.',
  ));
  assert.equal(r.stderr, lines('2 files checked (2 alert config, 0 not alert config), 0 skipped. 2 errors, 0 warnings.'));
});

test('mixed line endings: CR, LF, CRLF and LF-then-CR (two breaks) in one file', SLOW, () => {
  // Lines: 1 apiVersion, 2 kind, 3 spec, 4 Name, 5 empty (between an LF and a CR), 6 Email.
  const root = makeRepo({ 'mixed.yaml': 'apiVersion: alertcfg/v1\rkind: Contact\nspec:\r\n  Name: mixed\n\r  Email: nope\r' });
  const r = runCli(['validate'], root);
  assert.equal(r.stdout, lines('mixed.yaml:6:10 error InvalidParameter.Email "Email" must be a valid e-mail address, such as user-demo@example.com.'));
});
