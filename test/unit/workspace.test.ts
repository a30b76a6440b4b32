/**
 * Workspace-wide rules: two Contacts sharing `Name` (Conflict.Name), two resources
 * of one kind sharing `metadata.name` (duplicate-name), across files and documents.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FileOptions, type FileSummaries, type Finding, LineIndex, validateText, workspaceFindings } from '../../server/src/engine/index';
import { lines } from '../helpers/findings';

interface File {
  name: string;
  text: string;
  options?: FileOptions;
}

/** The summaries a caller (CLI, language server) hands to workspaceFindings. */
function summariesOf(f: File): FileSummaries {
  const r = validateText(f.text, f.options);
  return { file: f.name, bases: r.documents.map((d) => d.base), summaries: r.results.flatMap((x) => (x.summary ? [x.summary] : [])) };
}

function at(text: string, start: number, end: number): string {
  const ix = new LineIndex(text);
  const s = ix.positionAt(start);
  const e = ix.positionAt(end);
  return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

/** Each finding as `file code range -> related file range, ...`. */
function run(files: File[]): string[] {
  const texts = new Map(files.map((f) => [f.name, f.text]));
  const out = workspaceFindings(files.map(summariesOf));
  const described: string[] = [];
  for (const [file, found] of out) {
    for (const x of found as Finding[]) {
      const rel = (x.related ?? []).map((r) => `${r.file} ${at(texts.get(r.file!)!, r.start, r.end)}`);
      described.push(`${file} ${x.code} ${x.severity} ${at(texts.get(file)!, x.start, x.end)} -> ${rel.join(', ')}`);
    }
  }
  return described.sort();
}

const A: File = {
  name: 'contacts/a.yaml',
  text: lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'metadata: {name: oncall-a}', // 3
    'spec:', // 4
    '  Name: sre-oncall', // 5
  ),
};

const B: File = {
  name: 'contacts/b.yaml',
  text: lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'metadata: {name: oncall-b}', // 3
    'spec: {Name: other}', // 4
    '---', // 5
    '# the second document', // 6
    'apiVersion: alertcfg/v1', // 7
    'kind: Contact', // 8
    'spec:', // 9
    '  Name: sre-oncall', // 10
  ),
};

test('two files with Contacts sharing Name: Conflict.Name on each, related pointing at the other', () => {
  assert.deepEqual(run([A, B]), [
    'contacts/a.yaml Conflict.Name error 5:9-5:19 -> contacts/b.yaml 10:9-10:19',
    'contacts/b.yaml Conflict.Name error 10:9-10:19 -> contacts/a.yaml 5:9-5:19',
  ]);
  const found = workspaceFindings([A, B].map(summariesOf)).get('contacts/a.yaml')!;
  assert.match(found[0]!.message, /Name "sre-oncall" \(2 in all\).*409 Conflict\.Name/);
  assert.equal(found[0]!.related![0]!.message, 'also declared here');
});

test('each file alone, or Names that differ, give nothing', () => {
  assert.deepEqual(run([A]), []);
  assert.deepEqual(run([B]), []);
  assert.deepEqual(run([A, { name: 'c.yaml', text: A.text.replace('sre-oncall', 'sre-oncall-2').replace('oncall-a', 'oncall-c') }]), []);
});

test('three Contacts sharing Name: each points at the two others', () => {
  const C: File = { name: 'c.json', text: lines('[', '  {"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {"Name": "sre-oncall"}}', ']') };
  assert.deepEqual(run([A, B, C]), [
    'c.json Conflict.Name error 2:69-2:81 -> contacts/a.yaml 5:9-5:19, contacts/b.yaml 10:9-10:19',
    'contacts/a.yaml Conflict.Name error 5:9-5:19 -> contacts/b.yaml 10:9-10:19, c.json 2:69-2:81',
    'contacts/b.yaml Conflict.Name error 10:9-10:19 -> contacts/a.yaml 5:9-5:19, c.json 2:69-2:81',
  ]);
  assert.match(workspaceFindings([A, B, C].map(summariesOf)).get('c.json')![0]!.message, /\(3 in all\)/);
});

test('a raw Contact body (by $schema or glob) takes part in Conflict.Name', () => {
  const raw: File = { name: 'raw.json', text: lines('{', '  "$schema": "contact.schema.json",', '  "Name": "sre-oncall"', '}') };
  const glob: File = { name: 'glob.json', text: '{"Name": "sre-oncall"}\n', options: { format: 'json', globKind: 'Contact' } };
  assert.deepEqual(run([A, raw, glob]), [
    'contacts/a.yaml Conflict.Name error 5:9-5:19 -> raw.json 3:11-3:23, glob.json 1:10-1:22',
    'glob.json Conflict.Name error 1:10-1:22 -> contacts/a.yaml 5:9-5:19, raw.json 3:11-3:23',
    'raw.json Conflict.Name error 3:11-3:23 -> contacts/a.yaml 5:9-5:19, glob.json 1:10-1:22',
  ]);
});

test('two Contacts sharing Name in one file: both reported in that file, each pointing at the other', () => {
  const same: File = { name: 'same.yaml', text: lines('kind: Contact', 'spec: {Name: dup}', '---', 'kind: Contact', 'spec: {Name: dup}') };
  assert.deepEqual(run([same]), [
    'same.yaml Conflict.Name error 2:14-2:17 -> same.yaml 5:14-5:17',
    'same.yaml Conflict.Name error 5:14-5:17 -> same.yaml 2:14-2:17',
  ]);
});

test('the same metadata.name for one kind in two files: duplicate-name on each', () => {
  const k1: File = {
    name: 'cts/one.yaml',
    text: lines(
      'apiVersion: alertcfg/v1', // 1
      'kind: KeyOperationNotification', // 2
      'metadata:', // 3
      '  name: notify-all', // 4
      'target: {region: cn-north-7, projectId: p}', // 5
      'spec: {notification_name: one, operation_type: complete}', // 6
    ),
  };
  const k2: File = {
    name: 'cts/two.json',
    text: lines(
      '{"apiVersion": "alertcfg/v1", "kind": "KeyOperationNotification",', // 1
      ' "metadata": {"name": "notify-all"},', // 2
      ' "target": {"region": "cn-north-7", "projectId": "p"},', // 3
      ' "spec": {"notification_name": "two", "operation_type": "complete"}}', // 4
    ),
  };
  assert.deepEqual(run([k1, k2]), [
    'cts/one.yaml duplicate-name error 4:9-4:19 -> cts/two.json 2:23-2:35',
    'cts/two.json duplicate-name error 2:23-2:35 -> cts/one.yaml 4:9-4:19',
  ]);
  assert.match(workspaceFindings([k1, k2].map(summariesOf)).get('cts/one.yaml')![0]!.message, /metadata\.name "notify-all" is used by 2 KeyOperationNotification resources/);
});

test('Contacts sharing both metadata.name and Name get both findings', () => {
  const twin: File = { name: 'twin.yaml', text: A.text };
  assert.deepEqual(run([A, twin]), [
    'contacts/a.yaml Conflict.Name error 5:9-5:19 -> twin.yaml 5:9-5:19',
    'contacts/a.yaml duplicate-name error 3:18-3:26 -> twin.yaml 3:18-3:26',
    'twin.yaml Conflict.Name error 5:9-5:19 -> contacts/a.yaml 5:9-5:19',
    'twin.yaml duplicate-name error 3:18-3:26 -> contacts/a.yaml 3:18-3:26',
  ]);
});

test('the same name across different kinds is no finding', () => {
  const contact: File = { name: 'x.yaml', text: lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata: {name: shared}', 'spec: {Name: shared}') };
  const cts: File = {
    name: 'y.yaml',
    text: lines('apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'metadata: {name: shared}', 'target: {region: cn-north-7, projectId: p}', 'spec: {notification_name: shared, operation_type: complete}'),
  };
  const events: File = {
    name: 'z.yaml',
    text: lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'metadata: {name: shared}', 'target: {region: cn-north-4, projectId: p}', 'spec: {events: []}'),
  };
  assert.deepEqual(run([contact, cts, events]), []);
});

test('documents that are not ours take no part', () => {
  const k8s: File = { name: 'k8s.yaml', text: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: oncall-a}', 'data: {Name: sre-oncall}') };
  assert.deepEqual(run([A, k8s]), []);
});
