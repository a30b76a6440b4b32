/**
 * `# alertcfg-disable-next-line`, the repository configuration file
 * (`parseConfigFile`), configured severities (`finishFindings`, `validateText`
 * with settings) and schema associations by glob (`kindForPath`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Finding, type Settings, DEFAULT_SETTINGS, finishFindings, kindForPath, parseConfigFile, validateText } from '../../server/src/engine/index';
import { brief, describe, lines } from '../helpers/findings';

const HEAD = ['apiVersion: alertcfg/v1', 'kind: Contact'];
// One line with three findings: InvalidParameter.Email (col 24), InvalidParameter.ContactGroupIds (col 48), unknown-property (col 55).
const THREE = 'spec: {Name: s, Email: nope, ContactGroupIds: [nope], Emial: x}';

test('the fixture line has its three findings when nothing is suppressed', () => {
  assert.deepEqual(brief(lines(...HEAD, THREE)), [
    'InvalidParameter.Email error 3:24-3:28',
    'InvalidParameter.ContactGroupIds error 3:48-3:52',
    'unknown-property warning 3:55-3:60',
  ]);
});

// ---- alertcfg-disable-next-line ---------------------------------------------------

test('disable-next-line with one code suppresses only that code on the next line', () => {
  const text = lines(...HEAD, '# alertcfg-disable-next-line InvalidParameter.Email', THREE);
  assert.deepEqual(brief(text), ['InvalidParameter.ContactGroupIds error 4:48-4:52', 'unknown-property warning 4:55-4:60']);
});

test('disable-next-line with several codes, separated by spaces or commas', () => {
  assert.deepEqual(brief(lines(...HEAD, '# alertcfg-disable-next-line InvalidParameter.Email unknown-property', THREE)), ['InvalidParameter.ContactGroupIds error 4:48-4:52']);
  assert.deepEqual(brief(lines(...HEAD, '#alertcfg-disable-next-line InvalidParameter.Email,unknown-property', THREE)), ['InvalidParameter.ContactGroupIds error 4:48-4:52']);
  assert.deepEqual(brief(lines(...HEAD, '# alertcfg-disable-next-line unknown-property, InvalidParameter.ContactGroupIds', THREE)), ['InvalidParameter.Email error 4:24-4:28']);
});

test('disable-next-line with a family name covers every code of the family', () => {
  assert.deepEqual(brief(lines(...HEAD, '# alertcfg-disable-next-line InvalidParameter', THREE)), ['unknown-property warning 4:55-4:60']);
  assert.deepEqual(brief(lines(...HEAD, '# alertcfg-disable-next-line InvalidParameter.*', THREE)), ['unknown-property warning 4:55-4:60']);
});

test('a prefix that is not a family name suppresses nothing', () => {
  assert.deepEqual(brief(lines(...HEAD, '# alertcfg-disable-next-line InvalidParam', THREE)), [
    'InvalidParameter.Email error 4:24-4:28',
    'InvalidParameter.ContactGroupIds error 4:48-4:52',
    'unknown-property warning 4:55-4:60',
  ]);
});

test('disable-next-line with no code suppresses every finding on the next line', () => {
  assert.deepEqual(brief(lines(...HEAD, '# alertcfg-disable-next-line', THREE)), []);
  assert.deepEqual(brief(lines(...HEAD, '  # alertcfg-disable-next-line   ', THREE)), []);
});

test('disable-next-line does not reach lines further down', () => {
  const text = lines(
    ...HEAD, // 1-2
    'spec:', // 3
    '  Name: s', // 4
    '  # alertcfg-disable-next-line', // 5
    '  Email: nope', // 6
    '  ContactGroupIds: [nope]', // 7
    '  # alertcfg-disable-next-line unknown-property', // 8
    '', // 9
    '  Emial: x', // 10
  );
  assert.deepEqual(brief(text), ['InvalidParameter.ContactGroupIds error 7:21-7:25', 'unknown-property warning 10:3-10:8']);
});

test('disable-next-line for a missing property goes on the line before the parent key', () => {
  const text = lines(...HEAD, '# alertcfg-disable-next-line MissingParameter.Name', 'spec:', '  Email: a@example.com');
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(lines(...HEAD, 'spec:', '  # alertcfg-disable-next-line MissingParameter.Name', '  Email: a@example.com')), ['MissingParameter.Name error 3:1-3:5']);
});

test('disable-next-line applies in every document of a multi-document file, with CRLF too', () => {
  const text = [...HEAD, 'spec: {Name: a}', '---', ...HEAD, '# alertcfg-disable-next-line InvalidParameter', THREE, ''].join('\r\n');
  assert.deepEqual(brief(text), ['unknown-property warning 8:55-8:60']);
});

// ---- parseConfigFile --------------------------------------------------------------

test('parseConfigFile: every valid setting is read, with no findings', () => {
  const text = lines(
    'include: ["**/*.yaml"]',
    'exclude: ["drafts/**"]',
    'schemas:',
    '  "contacts/*.json": Contact',
    'rules:',
    '  secret-in-plaintext: error',
    '  MissingParameter: warning',
    '  unknown-property: off',
    'defaults: { region: cn-north-4, projectId: 0123abcd }',
    'messageTemplate: "hi {name}"',
    'timeoutMs: 5000',
    'allowedHosts: [proxy.example.com]',
    'maxFileSize: 2048',
  );
  const r = parseConfigFile(text);
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.settings, {
    include: ['**/*.yaml'],
    exclude: ['drafts/**'],
    schemas: { 'contacts/*.json': 'Contact' },
    rules: { 'secret-in-plaintext': 'error', MissingParameter: 'warning', 'unknown-property': 'off' },
    defaults: { region: 'cn-north-4', projectId: '0123abcd' },
    messageTemplate: 'hi {name}',
    timeoutMs: 5000,
    allowedHosts: ['proxy.example.com'],
    maxFileSize: 2048,
  });
});

test('parseConfigFile: an empty file and a comment-only file are no settings and no findings', () => {
  assert.deepEqual(parseConfigFile(''), { settings: {}, findings: [] });
  assert.deepEqual(parseConfigFile(lines('# nothing yet')), { settings: {}, findings: [] });
});

test('parseConfigFile: a misspelt key is a did-you-mean finding on the key; the other settings still apply', () => {
  const text = lines('exclud: ["drafts/**"]', 'timeoutMs: 5000');
  const r = parseConfigFile(text);
  assert.deepEqual(describe(text, r.findings).map((d) => `${d.code} ${d.severity} ${d.range} ${d.message}`), [
    'unknown-property warning 1:1-1:7 Unknown property "exclud". Did you mean "exclude"?',
  ]);
  assert.deepEqual(r.settings, { timeoutMs: 5000 });
});

test('parseConfigFile: a misspelt nested key', () => {
  const text = lines('defaults: {region: cn-north-4, project: p}');
  const r = parseConfigFile(text);
  assert.deepEqual(describe(text, r.findings).map((d) => `${d.code} ${d.range} ${d.message}`), [
    'unknown-property 1:32-1:39 Unknown property "project". Did you mean "projectId"?',
  ]);
});

test('parseConfigFile: wrong types and values are findings on the value; the keys with errors are dropped', () => {
  const text = lines(
    'timeoutMs: fast', // 1
    'rules:', // 2
    '  secret-in-plaintext: loud', // 3
    'schemas: {"a/*.json": Contakt}', // 4
    'exclude: drafts', // 5
    'maxFileSize: 10', // 6
    'messageTemplate: kept', // 7
  );
  const r = parseConfigFile(text);
  // In file order, as every file's findings are (Ajv itself reports in schema order).
  assert.deepEqual(describe(text, r.findings).map((d) => `${d.code} ${d.range}`), [
    'invalid-type 1:12-1:16',
    'invalid-value 3:24-3:28',
    'invalid-value 4:23-4:30',
    'invalid-type 5:10-5:16',
    'out-of-range 6:14-6:16',
  ]);
  const byRange = new Map(describe(text, r.findings).map((d) => [d.range, d.message]));
  assert.equal(byRange.get('1:12-1:16'), '"timeoutMs" must be an integer, not a string.');
  assert.equal(byRange.get('4:23-4:30'), '"a/*.json" must be one of "Contact", "AlarmCallback", "DingTalkTestConnection", "KeyOperationNotification", "EventReport", not "Contakt". Did you mean "Contact"?');
  assert.equal(byRange.get('6:14-6:16'), '"maxFileSize" must be at least 1024, not 10.');
  assert.deepEqual(r.settings, { messageTemplate: 'kept' });
});

test('parseConfigFile: a file that is not a mapping, and a syntax error', () => {
  const list = lines('- a');
  const r1 = parseConfigFile(list);
  assert.deepEqual(r1.findings.map((f) => [f.code, f.start]), [['invalid-type', 0]]);
  assert.deepEqual(r1.settings, {});
  const broken = lines('rules: {a: error', 'x: 1');
  const r2 = parseConfigFile(broken);
  assert.deepEqual(describe(broken, r2.findings).map((d) => `${d.code} ${d.range}`), ['syntax-error 2:1-2:2']);
  assert.deepEqual(r2.settings, {});
});

// ---- severities ---------------------------------------------------------------------

function rules(r: Settings['rules']): Pick<Settings, 'rules'> {
  return { rules: r };
}

test('validateText({settings}): a code set to another severity', () => {
  assert.deepEqual(brief(lines(...HEAD, THREE), { settings: rules({ 'InvalidParameter.Email': 'warning', 'unknown-property': 'error' }) }), [
    'InvalidParameter.Email warning 3:24-3:28',
    'InvalidParameter.ContactGroupIds error 3:48-3:52',
    'unknown-property error 3:55-3:60',
  ]);
});

test('validateText({settings}): off drops a finding; a family name covers its codes; the most specific name wins', () => {
  assert.deepEqual(brief(lines(...HEAD, THREE), { settings: rules({ 'unknown-property': 'off' }) }), [
    'InvalidParameter.Email error 3:24-3:28',
    'InvalidParameter.ContactGroupIds error 3:48-3:52',
  ]);
  assert.deepEqual(brief(lines(...HEAD, THREE), { settings: rules({ InvalidParameter: 'hint' }) }), [
    'InvalidParameter.Email hint 3:24-3:28',
    'InvalidParameter.ContactGroupIds hint 3:48-3:52',
    'unknown-property warning 3:55-3:60',
  ]);
  assert.deepEqual(brief(lines(...HEAD, THREE), { settings: rules({ 'InvalidParameter.Email': 'off', InvalidParameter: 'info' }) }), [
    'InvalidParameter.ContactGroupIds info 3:48-3:52',
    'unknown-property warning 3:55-3:60',
  ]);
  assert.deepEqual(brief(lines(...HEAD, THREE), { settings: rules({ 'InvalidParameter.*': 'off', 'InvalidParameter.Email': 'warning' }) }), [
    'InvalidParameter.Email warning 3:24-3:28',
    'unknown-property warning 3:55-3:60',
  ]);
  assert.deepEqual(brief(lines(...HEAD, 'spec:', '  Email: a@example.com'), { settings: rules({ MissingParameter: 'off' }) }), []);
});

test('validateText({settings}): a name that is only a prefix of a code does not match it', () => {
  assert.deepEqual(brief(lines(...HEAD, THREE), { settings: rules({ Invalid: 'off', 'unknown': 'off' }) }), [
    'InvalidParameter.Email error 3:24-3:28',
    'InvalidParameter.ContactGroupIds error 3:48-3:52',
    'unknown-property warning 3:55-3:60',
  ]);
});

test('finishFindings: suppressions, severities and a stable order on findings given out of order', () => {
  const text = lines('a: 1', '# alertcfg-disable-next-line x-code', 'b: 2', 'c: 3');
  const f = (code: string, start: number, severity: Finding['severity'] = 'error'): Finding => ({ code, severity, message: code, start, end: start + 1 });
  // Offsets: line 1 starts at 0, line 3 at 41, line 4 at 46.
  assert.equal(text.indexOf('b: 2'), 41);
  assert.equal(text.indexOf('c: 3'), 46);
  const input = [f('y-code', 46), f('x-code', 41), f('Fam.one', 41), f('z-code', 0), f('Fam.two', 0, 'warning')];
  const out = finishFindings(text, input, rules({ Fam: 'info', 'Fam.two': 'off', 'z-code': 'hint' }));
  assert.deepEqual(out.map((x) => `${x.code} ${x.severity} ${x.start}`), ['z-code hint 0', 'Fam.one info 41', 'y-code error 46']);
  // With the defaults, only the suppression applies.
  assert.deepEqual(finishFindings(text, input, DEFAULT_SETTINGS).map((x) => `${x.code} ${x.start}`), ['Fam.two 0', 'z-code 0', 'Fam.one 41', 'y-code 46']);
});

// ---- kindForPath ------------------------------------------------------------------------

test('kindForPath: globs relative to the project root, Windows separators, dot folders', () => {
  const schemas: Settings['schemas'] = { 'contacts/*.json': 'Contact', 'huawei/**/events-*.yaml': 'EventReport', '**/*.callback.json': 'AlarmCallback' };
  assert.equal(kindForPath(schemas, 'contacts/oncall.json'), 'Contact');
  assert.equal(kindForPath(schemas, 'contacts\\oncall.json'), 'Contact');
  assert.equal(kindForPath(schemas, 'contacts/sub/oncall.json'), undefined);
  assert.equal(kindForPath(schemas, 'contacts/oncall.yaml'), undefined);
  assert.equal(kindForPath(schemas, 'other/contacts/oncall.json'), undefined);
  assert.equal(kindForPath(schemas, 'huawei/events-1.yaml'), 'EventReport');
  assert.equal(kindForPath(schemas, 'huawei/cn-north-4/prod/events-1.yaml'), 'EventReport');
  assert.equal(kindForPath(schemas, '.github/x.callback.json'), 'AlarmCallback');
  assert.equal(kindForPath({}, 'contacts/oncall.json'), undefined);
});

test('kindForPath feeds validateText: a raw body becomes ours only through its glob', () => {
  const schemas: Settings['schemas'] = { 'contacts/*.json': 'Contact' };
  const text = '{"Name": "raw", "Email": "nope"}\n';
  const inside = validateText(text, { format: 'json', globKind: kindForPath(schemas, 'contacts/a.json') });
  assert.deepEqual(describe(text, inside.findings).map((d) => `${d.code} ${d.range}`), ['InvalidParameter.Email 1:26-1:32']);
  const outside = validateText(text, { format: 'json', globKind: kindForPath(schemas, 'elsewhere/a.json') });
  assert.equal(outside.ours, false);
  assert.deepEqual(outside.findings, []);
});
