/**
 * `alertcfg validate --format json|sarif|github`: the machine-readable outputs.
 * SARIF is checked against the official SARIF 2.1.0 JSON schema.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT, lines, makeRepo, runCli } from './run-cli';

const SLOW = { timeout: 60_000 };

const EMAIL = lines(
  'apiVersion: alertcfg/v1', // 1
  'kind: Contact', // 2
  'metadata:', // 3
  '  name: db-oncall', // 4
  'spec:', // 5
  '  Name: db-oncall', // 6
  '  Email: db-oncall.example.com', // 7: error, value at 10..31
  '  Webhook:', // 8
  '    Address: https://hooks.example.com/db', // 9
  '    Tokn: ${secret:db-hook}', // 10: warning, key at 5..9
);
const EVENTS = lines(
  'apiVersion: alertcfg/v1',
  'kind: EventReport',
  'target: {region: cn-north-4, projectId: 0123abcd}',
  'spec:',
  '  events:',
  '    - starts_at: 1605232501', // 6: timestamp-in-seconds at 18..28, set to info by the configuration
  '      metadata: {event_name: test, event_severity: Major, event_type: alarm, resource_provider: ecs, resource_type: vm, resource_id: ecs123}',
  '      timeout: 60000',
);

const EMAIL_MSG = '"Email" must be a valid e-mail address, such as user-demo@example.com.';
const TOKN_MSG = 'Unknown property "Tokn". Did you mean "Token"?';
const EVENTS_MSG = 'starts_at 1605232501 looks like seconds (2020-11-13T01:55:01.000Z if so); AOM expects milliseconds. Use 1605232501000.';
const CONFLICT_MSG = 'Another Contact in the workspace also has Name "dup" (2 in all); Volcengine refuses the second one with 409 Conflict.Name. Give each contact its own Name.';

function repo(): string {
  return makeRepo({
    '.alertcfg.yaml': lines('rules:', '  timestamp-in-seconds: info'),
    'contacts/email.yaml': EMAIL,
    'huawei/events.yaml': EVENTS,
    'a.yaml': lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: dup'),
    'team/b.yaml': lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: dup, Email: b@example.com}'),
    'data/blob.json': Buffer.from([0x7b, 0x00, 0x7d]),
  });
}

// ---- json -----------------------------------------------------------------------------

test('--format json: the whole report, every finding with its range, code, message and data', SLOW, () => {
  const r = runCli(['validate', '--format', 'json'], repo());
  assert.equal(r.status, 1);
  assert.equal(r.stderr, '');
  const report = JSON.parse(r.stdout) as Record<string, unknown>;
  // The fields as they were, then what the run did with the files (.alertcfg.yaml is not alert config; the blob is binary).
  assert.deepEqual(Object.keys(report), ['tool', 'version', 'checked', 'counts', 'files', 'skipped', 'summary']);
  assert.deepEqual(report['summary'], { checked: 5, alertConfig: 4, notAlertConfig: 1, skipped: 1, skippedBy: { binary: 1 } });
  assert.equal(report['tool'], 'alertcfg');
  assert.match(String(report['version']), /^\d+\.\d+\.\d+/);
  assert.equal(report['checked'], 6);
  assert.deepEqual(report['counts'], { error: 3, warning: 1, info: 1, hint: 0 });
  assert.deepEqual(report['skipped'], [{ file: 'data/blob.json', reason: 'binary file (it contains NUL bytes)' }]);
  const files = report['files'] as { file: string; findings: Record<string, unknown>[] }[];
  assert.deepEqual(files.map((f) => f.file), ['a.yaml', 'contacts/email.yaml', 'huawei/events.yaml', 'team/b.yaml']);
  assert.deepEqual(files[1]!.findings, [
    { line: 7, column: 10, endLine: 7, endColumn: 31, severity: 'error', code: 'InvalidParameter.Email', message: EMAIL_MSG, data: { path: ['spec', 'Email'], format: 'email' } },
    { line: 10, column: 5, endLine: 10, endColumn: 9, severity: 'warning', code: 'unknown-property', message: TOKN_MSG, data: { path: ['spec', 'Webhook', 'Tokn'], property: 'Tokn', suggestion: 'Token' } },
  ]);
  const events = files[2]!.findings[0]!;
  assert.deepEqual([events['line'], events['column'], events['endLine'], events['endColumn'], events['severity'], events['code'], events['message']], [6, 18, 6, 28, 'info', 'timestamp-in-seconds', EVENTS_MSG]);
  assert.deepEqual(files[0]!.findings, [
    { line: 4, column: 9, endLine: 4, endColumn: 12, severity: 'error', code: 'Conflict.Name', message: CONFLICT_MSG, related: [{ file: 'team/b.yaml', line: 3, column: 14, message: 'also declared here' }] },
  ]);
  assert.deepEqual(files[3]!.findings[0]!['related'], [{ file: 'a.yaml', line: 4, column: 9, message: 'also declared here' }]);
});

test('--format json on a clean repository: exit 0 and no files', SLOW, () => {
  const r = runCli(['validate', '--format', 'json'], makeRepo({ 'k8s.yaml': lines('apiVersion: v1', 'kind: ConfigMap') }));
  assert.equal(r.status, 0);
  const report = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.deepEqual([report['checked'], report['counts'], report['files'], report['skipped']], [1, { error: 0, warning: 0, info: 0, hint: 0 }, [], []]);
});

// ---- sarif ----------------------------------------------------------------------------

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  // The schema's language-tag pattern (`...{2}]?$`) is not valid with the `u` flag Ajv uses by default.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
}

test('--format sarif: valid SARIF 2.1.0 with a rule per code and a result per finding', SLOW, () => {
  const r = runCli(['validate', '--format', 'sarif'], repo());
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; results: SarifResult[] }[] };
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0]!;
  assert.equal(run.tool.driver.name, 'alertcfg');
  assert.deepEqual(run.tool.driver.rules.map((x) => x.id).sort(), ['Conflict.Name', 'InvalidParameter.Email', 'timestamp-in-seconds', 'unknown-property']);
  const got = run.results.map((x) => {
    const loc = x.locations[0]!.physicalLocation;
    const g = loc.region;
    return `${x.ruleId} ${x.level} ${loc.artifactLocation.uri} ${g['startLine']}:${g['startColumn']}-${g['endLine']}:${g['endColumn']}`;
  });
  assert.deepEqual(got, [
    'Conflict.Name error a.yaml 4:9-4:12',
    'InvalidParameter.Email error contacts/email.yaml 7:10-7:31',
    'unknown-property warning contacts/email.yaml 10:5-10:9',
    'timestamp-in-seconds note huawei/events.yaml 6:18-6:28',
    'Conflict.Name error team/b.yaml 3:14-3:17',
  ]);
  assert.equal(run.results[1]!.message.text, EMAIL_MSG);
});

test('--format sarif on a clean repository is valid SARIF with no results', SLOW, () => {
  const r = runCli(['validate', '--format', 'sarif'], makeRepo({ 'k8s.yaml': lines('apiVersion: v1', 'kind: ConfigMap') }));
  assert.equal(r.status, 0);
  const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.deepEqual(log.runs[0]!.results, []);
});

test('the SARIF schema check can fail: a result without a message is rejected', () => {
  const validate = sarifValidator();
  const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'alertcfg' } }, results: [{ ruleId: 'x', level: 'loud' }] }] };
  assert.equal(validate(bad), false);
});

// ---- github ---------------------------------------------------------------------------

test('--format github: one workflow command per finding, notices for skipped files', SLOW, () => {
  const r = runCli(['validate', '--format', 'github'], repo());
  assert.equal(r.status, 1);
  assert.equal(r.stdout, lines(
    `::error file=a.yaml,line=4,col=9,endLine=4,endColumn=12,title=Conflict.Name::${CONFLICT_MSG}`,
    `::error file=contacts/email.yaml,line=7,col=10,endLine=7,endColumn=31,title=InvalidParameter.Email::${EMAIL_MSG}`,
    `::warning file=contacts/email.yaml,line=10,col=5,endLine=10,endColumn=9,title=unknown-property::${TOKN_MSG}`,
    `::notice file=huawei/events.yaml,line=6,col=18,endLine=6,endColumn=28,title=timestamp-in-seconds::${EVENTS_MSG}`,
    `::error file=team/b.yaml,line=3,col=14,endLine=3,endColumn=17,title=Conflict.Name::${CONFLICT_MSG}`,
    '::notice file=data/blob.json,title=skipped::binary file (it contains NUL bytes)',
  ));
});

test('--format github escapes % , : in properties and % CR LF in messages', SLOW, () => {
  const root = makeRepo({
    'a%b,c/x:y.yaml': lines(
      'apiVersion: alertcfg/v1', // 1
      'kind: Contact', // 2
      'spec:', // 3
      '  Name: n', // 4
      '  "100%, sure: \\nyes": 1', // 5: the key is 19 characters from column 3
      '  "x\\ry": 2', // 6: the key is 6 characters from column 3
    ),
  });
  const r = runCli(['validate', '--format', 'github'], root);
  assert.equal(r.status, 0);
  const known = 'Known properties: Name, Email, Webhook, ContactGroupIds, LarkBotWebhook, DingTalkBotWebhook, WeComBotWebhook, PhoneNumber.';
  assert.equal(r.stdout, lines(
    `::warning file=a%25b%2Cc/x%3Ay.yaml,line=5,col=3,endLine=5,endColumn=22,title=unknown-property::Unknown property "100%25, sure: %0Ayes". ${known}`,
    `::warning file=a%25b%2Cc/x%3Ay.yaml,line=6,col=3,endLine=6,endColumn=9,title=unknown-property::Unknown property "x%0Dy". ${known}`,
  ));
});
