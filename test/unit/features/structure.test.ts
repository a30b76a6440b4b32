import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentSymbols, foldingRanges, selectionRangesAt, validateText } from '../../../server/src/engine/index';
import { lines } from '../../helpers/findings';

const JSON_ARRAY = '[\n  {"apiVersion": "alertcfg/v1", "kind": "Contact", "metadata": {"name": "j1"}, "spec": {"Name": "j1"}},\n  {"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {\n    "Name": "vendor-only"\n  }}\n]\n';

test('symbols of a JSON array: one per element, named by metadata.name or the vendor name', () => {
  const s = documentSymbols(validateText(JSON_ARRAY, { format: 'json' }));
  assert.deepEqual(s.map((x) => [x.name, x.detail, JSON_ARRAY.slice(x.selection.start, x.selection.end)]), [
    ['j1', 'Contact', '"j1"'],
    ['vendor-only', 'Contact', '"vendor-only"'],
  ]);
  assert.equal(JSON_ARRAY.slice(s[1]!.start, s[1]!.end), '{"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {\n    "Name": "vendor-only"\n  }}');
});

test('symbols skip documents that are not ours', () => {
  const text = lines('apiVersion: v1', 'kind: ConfigMap', '---', 'apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: c}');
  assert.deepEqual(documentSymbols(validateText(text)).map((s) => [s.name, s.detail]), [['c', 'Contact']]);
  const unnamed = lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'spec: {events: []}');
  assert.deepEqual(documentSymbols(validateText(unnamed)).map((s) => s.name), ['EventReport #1']);
});

test('folding: comment runs fold; single-line nodes do not', () => {
  const text = lines('# one', '# two', '# three', 'apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: c}', 'metadata:', '  name: c');
  const f = foldingRanges(text, validateText(text)).map((r) => [text.slice(r.start, r.end), r.kind ?? '']);
  assert.deepEqual(f, [
    ['# one\n# two\n# three', 'comment'],
    ['metadata:\n  name: c', ''],
  ]);
});

test('selection ranges nest from the innermost out and are empty outside a resource', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: "quoted name"');
  const chain = selectionRangesAt(text, validateText(text), text.indexOf('name"')).map((r) => text.slice(r.start, r.end));
  assert.deepEqual(chain, ['quoted name', '"quoted name"', 'Name: "quoted name"', 'spec:\n  Name: "quoted name"', text.trimEnd()]);
  const other = lines('apiVersion: v1', 'kind: ConfigMap');
  assert.deepEqual(selectionRangesAt(other, validateText(other), 3), []);
});
