/**
 * `alertcfg validate` end to end: the built bundle run in temporary repositories.
 * Exit codes, the exact text output, which files are walked, configuration lookup
 * and mistakes, workspace-wide findings, binary and non-UTF-8 files.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertNoStack, lines, makeRepo, runCli, tempDir, writeTree } from './run-cli';

const SLOW = { timeout: 60_000 };

// A Contact with two errors: MissingParameter.Name on `spec` (3:1) and InvalidParameter.Email (4:10).
const BAD = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Email: nope');
const BAD_LINES = (file: string) => [
  `${file}:3:1 error MissingParameter.Name Missing required property "Name" (Name of the alert contact): add it to "spec".`,
  `${file}:4:10 error InvalidParameter.Email "Email" must be a valid e-mail address, such as user-demo@example.com.`,
];

const ONCALL = lines(
  'apiVersion: alertcfg/v1',
  'kind: Contact',
  'metadata:',
  '  name: sre-oncall',
  'target:',
  '  region: cn-beijing',
  'spec:',
  '  Name: sre-oncall',
  '  Email: sre@example.com',
  '  DingTalkBotWebhook:',
  '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}',
  '    SecretKey: ${secret:dingtalk-sre}',
);

const EMAIL = lines(
  'apiVersion: alertcfg/v1', // 1
  'kind: Contact', // 2
  'metadata:', // 3
  '  name: db-oncall', // 4
  'spec:', // 5
  '  Name: db-oncall', // 6
  '  Email: db-oncall.example.com', // 7: error at the value, column 10
  '  Webhook:', // 8
  '    Address: https://hooks.example.com/db', // 9
  '    Tokn: ${secret:db-hook}', // 10: warning at the key, column 5
);
const EMAIL_LINES = (file: string) => [
  `${file}:7:10 error InvalidParameter.Email "Email" must be a valid e-mail address, such as user-demo@example.com.`,
  `${file}:10:5 warning unknown-property Unknown property "Tokn". Did you mean "Token"?`,
];

// One warning only: starts_at in seconds (line 6, the value at column 18).
const EVENTS = lines(
  'apiVersion: alertcfg/v1',
  'kind: EventReport',
  'target: {region: cn-north-4, projectId: 0123abcd}',
  'spec:',
  '  events:',
  '    - starts_at: 1605232501',
  '      metadata: {event_name: test, event_severity: Major, event_type: alarm, resource_provider: ecs, resource_type: vm, resource_id: ecs123}',
  '      timeout: 60000',
);
const EVENTS_LINE = (file: string) =>
  `${file}:6:18 warning timestamp-in-seconds starts_at 1605232501 looks like seconds (2020-11-13T01:55:01.000Z if so); AOM expects milliseconds. Use 1605232501000.`;

const K8S = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec: {replicas: 1}');
const PKG = '{"name": "x", "version": "1.0.0"}\n';
/** The doc's CreateContact example as a raw body, associated with nothing. */
const RAW_CONTACT = lines('{', '  "Name": "db-oncall",', '  "Email": "db@example.com"', '}');

/** A repository with files to check and files that must be skipped (each skipped one would report two errors). */
function fullRepo(config = 'exclude: ["drafts/**"]\n'): string {
  const root = makeRepo({
    '.gitignore': lines('ignored/', '*.local.yaml'),
    '.alertcfg.yaml': config,
    '.git/hooks/c.yaml': BAD,
    'node_modules/pkg/c.yaml': BAD,
    'contacts/node_modules/c.yaml': BAD,
    'ignored/bad.yaml': BAD,
    'contacts/bad.local.yaml': BAD,
    'drafts/wip.yaml': BAD,
    'contacts/oncall.yaml': ONCALL,
    'contacts/email.yaml': EMAIL,
    'huawei/events.yaml': EVENTS,
    'k8s/deploy.yaml': K8S,
    'package.json': PKG,
  });
  return root;
}

// ---- exit codes ------------------------------------------------------------------

test('a clean repository: exit 0, nothing on stdout, the summary on stderr', SLOW, () => {
  const root = makeRepo({ 'contacts/oncall.yaml': ONCALL, 'k8s/deploy.yaml': K8S, 'package.json': PKG });
  const r = runCli(['validate'], root);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '3 files checked (1 alert config, 2 not alert config), 0 skipped. No problems.\n');
});

test('an error: exit 1', SLOW, () => {
  const root = makeRepo({ 'c.yaml': BAD });
  const r = runCli(['validate'], root);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, lines(...BAD_LINES('c.yaml')));
  assert.equal(r.stderr, '1 file checked (1 alert config, 0 not alert config), 0 skipped. 2 errors, 0 warnings.\n');
});

test('one warning: exit 0, but 1 with --max-warnings 0; --max-warnings 1 allows it', SLOW, () => {
  const root = makeRepo({ 'huawei/events.yaml': EVENTS });
  const plain = runCli(['validate'], root);
  assert.equal(plain.status, 0);
  assert.equal(plain.stdout, lines(EVENTS_LINE('huawei/events.yaml')));
  assert.equal(plain.stderr, '1 file checked (1 alert config, 0 not alert config), 0 skipped. 0 errors, 1 warning.\n');
  assert.equal(runCli(['validate', '--max-warnings', '0'], root).status, 1);
  assert.equal(runCli(['validate', '--max-warnings=0'], root).status, 1);
  assert.equal(runCli(['validate', '--max-warnings', '1'], root).status, 0);
});

function assertUsageError(r: ReturnType<typeof runCli>, firstLine: string): void {
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.split('\n')[0], firstLine);
  assert.match(r.stderr, /\nUsage:\n  alertcfg validate \[PATH\|GLOB\.\.\.\]/);
  assertNoStack(r.stderr);
}

test('usage errors: exit 2, a one-line message and the usage, no stack trace', SLOW, () => {
  const root = makeRepo({ 'c.yaml': BAD });
  assertUsageError(runCli(['validate', '--bogus'], root), "alertcfg: Unknown option '--bogus'.");
  assertUsageError(runCli(['validate', '--format', 'xml'], root), 'alertcfg: --format must be one of text, json, sarif, github, not "xml".');
  assertUsageError(runCli(['validate', '--max-warnings', 'lots'], root), 'alertcfg: --max-warnings takes a whole number, not "lots".');
  assertUsageError(runCli(['validate', '--max-warnings=-3'], root), 'alertcfg: --max-warnings takes a whole number, not "-3".');
  const noValue = runCli(['validate', '--config'], root);
  assert.equal(noValue.status, 2);
  assert.match(noValue.stderr.split('\n')[0]!, /^alertcfg: Option '-c, --config <value>' argument missing/);
  assert.match(noValue.stderr, /\nUsage:\n/);
  assertUsageError(runCli(['frobnicate'], root), 'alertcfg: unknown command "frobnicate".');
});

test('a path that does not exist: exit 2 with a one-line message, no stack trace', SLOW, () => {
  const root = makeRepo({ 'c.yaml': BAD });
  const r = runCli(['validate', 'nothere.yaml'], root);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.split('\n')[0], 'alertcfg: cannot read nothere.yaml: no such file.');
  assertNoStack(r.stderr);
  const glob = runCli(['validate', 'nowhere/**/*.yaml'], root);
  assert.equal(glob.status, 2);
  assert.equal(glob.stderr.split('\n')[0], 'alertcfg: nowhere/**/*.yaml matches no file.');
});

test('a --config file that cannot be read: exit 2 with a one-line message, no stack trace', SLOW, () => {
  const root = makeRepo({ 'c.yaml': BAD });
  const r = runCli(['validate', '--config', 'missing.yaml'], root);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'alertcfg: cannot read missing.yaml: no such file.\n');
});

// ---- output and walking ----------------------------------------------------------------

test('a repository in folders: exact lines; .git, node_modules, .gitignore and exclude are skipped', SLOW, () => {
  const root = fullRepo();
  const r = runCli(['validate'], root);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, lines(...EMAIL_LINES('contacts/email.yaml'), EVENTS_LINE('huawei/events.yaml')));
  // .alertcfg.yaml, contacts/email.yaml, contacts/oncall.yaml, huawei/events.yaml, k8s/deploy.yaml, package.json
  assert.equal(r.stderr, '6 files checked (3 alert config, 3 not alert config), 0 skipped. 1 error, 2 warnings.\n');
});

test('without the exclude setting, drafts/ is checked (the test above can fail)', SLOW, () => {
  const root = fullRepo('rules: {}\n');
  const r = runCli(['validate'], root);
  assert.equal(r.stdout, lines(...EMAIL_LINES('contacts/email.yaml'), ...BAD_LINES('drafts/wip.yaml'), EVENTS_LINE('huawei/events.yaml')));
});

test('the path argument is a folder: names are relative to the working directory', SLOW, () => {
  const root = fullRepo();
  const r = runCli(['validate', 'contacts'], root);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, lines(...EMAIL_LINES('contacts/email.yaml')));
  const inside = runCli(['validate', '.'], join(root, 'contacts'));
  assert.equal(inside.stdout, lines(...EMAIL_LINES('email.yaml')));
});

test('glob arguments: only the matching files, still without ignored ones', SLOW, () => {
  const root = fullRepo();
  const r = runCli(['validate', 'contacts/*.yaml'], root);
  assert.equal(r.stdout, lines(...EMAIL_LINES('contacts/email.yaml')));
  assert.equal(r.stderr, '2 files checked (2 alert config, 0 not alert config), 0 skipped. 1 error, 1 warning.\n');
  const deep = runCli(['validate', '**/events.yaml', 'contacts/email.yaml'], root);
  assert.equal(deep.stdout, lines(...EMAIL_LINES('contacts/email.yaml'), EVENTS_LINE('huawei/events.yaml')));
});

test('a file named on the command line is checked even when excluded or ignored', SLOW, () => {
  const root = fullRepo();
  const r = runCli(['validate', 'drafts/wip.yaml', 'ignored/bad.yaml'], root);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, lines(...BAD_LINES('drafts/wip.yaml'), ...BAD_LINES('ignored/bad.yaml')));
});

test('several resources in one file: absolute lines per document', SLOW, () => {
  const root = makeRepo({ 'all.yaml': `${ONCALL}---\n${BAD}` });
  const r = runCli(['validate'], root);
  // ONCALL is 12 lines, the marker line 13: BAD starts on line 14.
  assert.equal(r.stdout, lines(
    'all.yaml:16:1 error MissingParameter.Name Missing required property "Name" (Name of the alert contact): add it to "spec".',
    'all.yaml:17:10 error InvalidParameter.Email "Email" must be a valid e-mail address, such as user-demo@example.com.',
  ));
});

// ---- workspace-wide -------------------------------------------------------------------

test('Conflict.Name across two files: both reported, each pointing at the other', SLOW, () => {
  const root = makeRepo({
    'a.yaml': lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: dup'),
    'team/b.yaml': lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: dup, Email: b@example.com}'),
  });
  const r = runCli(['validate'], root);
  assert.equal(r.status, 1);
  const msg = 'Another Contact in the workspace also has Name "dup" (2 in all); Volcengine refuses the second one with 409 Conflict.Name. Give each contact its own Name.';
  assert.equal(r.stdout, lines(
    `a.yaml:4:9 error Conflict.Name ${msg}`,
    '  team/b.yaml:3:14 also declared here',
    `team/b.yaml:3:14 error Conflict.Name ${msg}`,
    '  a.yaml:4:9 also declared here',
  ));
  assert.equal(r.stderr, '2 files checked (2 alert config, 0 not alert config), 0 skipped. 2 errors, 0 warnings.\n');
});

test('duplicate metadata.name across files, and a rules setting turning Conflict.Name off', SLOW, () => {
  const root = makeRepo({
    '.alertcfg.yaml': lines('rules:', '  Conflict.Name: off'),
    'a.yaml': lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata: {name: same}', 'spec: {Name: dup}'),
    'b.yaml': lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata: {name: same}', 'spec: {Name: dup}'),
  });
  const r = runCli(['validate'], root);
  const msg = 'metadata.name "same" is used by 2 Contact resources; it must be unique per kind. Rename one.';
  assert.equal(r.stdout, lines(`a.yaml:3:18 error duplicate-name ${msg}`, '  b.yaml:3:18 also declared here', `b.yaml:3:18 error duplicate-name ${msg}`, '  a.yaml:3:18 also declared here'));
});

// ---- configuration ---------------------------------------------------------------------

test('.alertcfg.yaml is found from the path argument, not the working directory', SLOW, () => {
  const outer = tempDir();
  mkdirSync(join(outer, 'repo', '.git'), { recursive: true });
  writeTree(join(outer, 'repo'), {
    '.alertcfg.yaml': lines('exclude: ["drafts/**"]', 'rules: {unknown-property: off}'),
    'drafts/wip.yaml': BAD,
    'contacts/email.yaml': EMAIL,
  });
  const emailError = 'repo/contacts/email.yaml:7:10 error InvalidParameter.Email "Email" must be a valid e-mail address, such as user-demo@example.com.';
  const r = runCli(['validate', 'repo'], outer);
  assert.equal(r.stdout, lines(emailError));
  // From a file argument, the search starts at the file's folder.
  const file = runCli(['validate', 'repo/contacts/email.yaml'], outer);
  assert.equal(file.stdout, lines(emailError));
  // --config names it explicitly; without it (and with no path) nothing is found from `outer`.
  const given = runCli(['validate', '--config', 'repo/.alertcfg.yaml', 'repo/contacts'], outer);
  assert.equal(given.stdout, lines(emailError));
});

test('mistakes in .alertcfg.yaml are findings in that file; its valid settings still apply', SLOW, () => {
  const root = makeRepo({
    '.alertcfg.yaml': lines('exclude: ["drafts/**"]', 'rulez: {}', 'rules: {unknown-property: loud}'),
    'drafts/wip.yaml': BAD,
    'ok.yaml': ONCALL,
  });
  const r = runCli(['validate'], root);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, lines(
    '.alertcfg.yaml:2:1 warning unknown-property Unknown property "rulez". Did you mean "rules"?',
    '.alertcfg.yaml:3:27 error invalid-value "unknown-property" must be one of "error", "warning", "info", "hint", "off", not "loud".',
  ));
});

test('a syntax error in .alertcfg.yaml is a finding there, with its location', SLOW, () => {
  const root = makeRepo({ '.alertcfg.yaml': lines('exclude: ["drafts/**"', 'rules: {}'), 'ok.yaml': ONCALL });
  const r = runCli(['validate'], root);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^\.alertcfg\.yaml:2:1 error syntax-error /);
  assertNoStack(r.stderr);
});

test('schemas globs in .alertcfg.yaml associate raw bodies, relative to the project root', SLOW, () => {
  const root = makeRepo({
    '.alertcfg.yaml': lines('schemas:', '  "contacts/*.json": Contact'),
    'contacts/raw.json': lines('{', '  "Name": "raw",', '  "Email": "nope"', '}'),
    'other/raw.json': lines('{', '  "Name": "raw2",', '  "Email": "nope"', '}'),
  });
  const r = runCli(['validate'], root);
  assert.equal(r.stdout, lines('contacts/raw.json:3:12 error InvalidParameter.Email "Email" must be a valid e-mail address, such as user-demo@example.com.'));
});

test('maxFileSize: a larger file gets one file-too-large error (a file never read must not pass CI); the rules setting can lower it', SLOW, () => {
  const root = makeRepo({ '.alertcfg.yaml': 'maxFileSize: 1024\n', 'big.yaml': `# ${'x'.repeat(1997)}\n` });
  const r = runCli(['validate'], root);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, lines('big.yaml:1:1 error file-too-large This file is 2000 bytes, over the limit of 1024 (setting maxFileSize); it was not checked.'));
  assert.equal(r.stderr, lines('1 file checked (0 alert config, 1 not alert config), 1 skipped (1 too large). 1 error, 0 warnings.'));
  writeTree(root, { '.alertcfg.yaml': lines('maxFileSize: 1024', 'rules:', '  file-too-large: warning') });
  const lowered = runCli(['validate'], root);
  assert.equal(lowered.status, 0, lowered.stderr);
  assert.equal(lowered.stdout, lines('big.yaml:1:1 warning file-too-large This file is 2000 bytes, over the limit of 1024 (setting maxFileSize); it was not checked.'));
});

test('the summary counts what was done: alert config, not alert config, skipped and why', SLOW, () => {
  const root = makeRepo({
    '.alertcfg.yaml': 'maxFileSize: 1024\n',
    'contacts/oncall.yaml': ONCALL,
    'contacts/raw.json': RAW_CONTACT,
    'k8s/deploy.yaml': K8S,
    'package.json': PKG,
    'data/blob.json': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x7d]),
    'big.yaml': `# ${'x'.repeat(1997)}\n`,
  });
  const r = runCli(['validate'], root);
  assert.equal(r.status, 1, 'the file too large to read is an error');
  assert.equal(r.stderr, lines(
    'data/blob.json: skipped: binary file (it contains NUL bytes)',
    'note: 1 file not alert config looks like a raw vendor body that nothing associates with a kind; --verbose lists it and says how to associate it.',
    '5 files checked (1 alert config, 4 not alert config), 2 skipped (1 binary, 1 too large). 1 error, 0 warnings.',
  ));
});

test('--verbose lists the files that are not alert config and why; a raw vendor body is told how to associate it', SLOW, () => {
  const root = makeRepo({ 'contacts/oncall.yaml': ONCALL, 'contacts/raw.json': RAW_CONTACT, 'k8s/deploy.yaml': K8S, 'package.json': PKG });
  const r = runCli(['validate', '--verbose'], root);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, lines(
    'contacts/raw.json: not alert config: it looks like a raw Volcengine VMP CreateContact body (Name, Email), but nothing associates it with a kind: add "$schema": "contact.schema.json" (or its $id), or a schemas: glob in .alertcfg.yaml (for example "contacts/*.json": Contact).',
    "k8s/deploy.yaml: not alert config: another tool's resource (apiVersion: apps/v1), not an alertcfg one.",
    'package.json: not alert config: no "apiVersion: alertcfg/v1" and no known kind (Contact, AlarmCallback, DingTalkTestConnection, KeyOperationNotification, EventReport).',
    '4 files checked (1 alert config, 3 not alert config), 0 skipped. No problems.',
  ));
  // Once associated, the body is checked.
  writeTree(root, { '.alertcfg.yaml': lines('schemas:', '  "contacts/*.json": Contact') });
  const associated = runCli(['validate', '--verbose'], root);
  assert.match(associated.stderr, /^5 files checked \(2 alert config, 3 not alert config\), 0 skipped\. No problems\.$/m);
  assert.doesNotMatch(associated.stderr, /raw\.json/);
});

test('--format json keeps its fields and adds the counts (and with --verbose the files not alert config)', SLOW, () => {
  const root = makeRepo({ 'contacts/oncall.yaml': ONCALL, 'contacts/raw.json': RAW_CONTACT, 'data/blob.json': Buffer.from([0x7b, 0x00, 0x7d]) });
  const out = JSON.parse(runCli(['validate', '--format', 'json'], root).stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(out), ['tool', 'version', 'checked', 'counts', 'files', 'skipped', 'summary']);
  assert.equal(out['checked'], 3);
  assert.deepEqual(out['summary'], { checked: 2, alertConfig: 1, notAlertConfig: 1, skipped: 1, skippedBy: { binary: 1 } });
  const verbose = JSON.parse(runCli(['validate', '--format', 'json', '--verbose'], root).stdout) as { notAlertConfig: { file: string; reason: string; kind?: string }[] };
  assert.deepEqual(verbose.notAlertConfig.map((n) => [n.file, n.kind]), [['contacts/raw.json', 'Contact']]);
  assert.match(verbose.notAlertConfig[0]!.reason, /^it looks like a raw Volcengine VMP CreateContact body/);
});

test('a binary file is skipped with a reason on stderr; a non-UTF-8 file is an encoding-error at the bad byte', SLOW, () => {
  const latin1 = Buffer.concat([Buffer.from('apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: Jos'), Buffer.from([0xe9]), Buffer.from('\n')]);
  const root = makeRepo({
    'data/blob.json': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x7d]),
    'contacts/latin1.yaml': latin1,
    'ok.yaml': ONCALL,
  });
  const r = runCli(['validate'], root);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, lines('contacts/latin1.yaml:4:12 error encoding-error This file is not valid UTF-8 (first bad byte here). Save it as UTF-8.'));
  assert.equal(r.stderr, lines('data/blob.json: skipped: binary file (it contains NUL bytes)', '1 file checked (1 alert config, 0 not alert config), 2 skipped (1 binary, 1 not UTF-8). 1 error, 0 warnings.'));
});

test('a BOM and CRLF line endings: same lines and columns as a plain file', SLOW, () => {
  const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAD.replace(/\n/g, '\r\n'))]);
  const root = makeRepo({ 'c.yaml': crlf });
  const r = runCli(['validate'], root);
  assert.equal(r.stdout, lines(...BAD_LINES('c.yaml')));
});
