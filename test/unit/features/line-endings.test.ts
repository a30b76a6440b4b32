/**
 * The editor features on files whose lines end at a lone CR or a CRLF: completion,
 * hover, folding, selection ranges, the outline, and quick fixes, which write the
 * file's own line break in the lines they add.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Finding, type SourceFormat, applyEdits, completionsAt, documentSymbols, fixesFor, foldingRanges, hoverAt, selectionRangesAt, validateText, yamlSpotAt } from '../../../server/src/engine/index';

const joined = (ls: readonly string[], eol: string) => ls.join(eol) + eol;

/** Lines joined by `eol`, with a `|` marking the cursor. */
function at(ls: readonly string[], eol: string): { text: string; offset: number } {
  const marked = joined(ls, eol);
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** The text after applying the fix titled `title` of the first finding with `code`. */
function fixed(text: string, code: string, title: string, format: SourceFormat = 'yaml'): string {
  const file = validateText(text, { format });
  const f = file.findings.find((x: Finding) => x.code === code);
  assert.ok(f, `no ${code} in ${JSON.stringify(file.findings.map((x) => x.code))}`);
  const fix = fixesFor(f, { text, file, format }).find((x) => x.title === title);
  assert.ok(fix, `no fix "${title}"`);
  return applyEdits(text, fix.edits);
}

const DINGTALK = ['apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'spec:', '  params:', '    testMsg: hi'];

test('completion on a later line of a lone-CR file: values, and keys of the mapping the indentation says', () => {
  for (const eol of ['\r', '\r\n']) {
    const value = at([...DINGTALK, '    atAll: |'], eol);
    const values = completionsAt(value.text, value.offset, validateText(value.text), { locale: 'en', format: 'yaml' });
    assert.deepEqual(values.map((i) => [i.label, i.start, i.end]), [
      ['true', value.offset, value.offset],
      ['false', value.offset, value.offset],
    ]);
    const key = at([...DINGTALK, '    u|', '  oops: [unclosed'], eol);
    const keys = completionsAt(key.text, key.offset, validateText(key.text), { locale: 'en', format: 'yaml' });
    assert.deepEqual(keys.map((i) => i.label).sort(), ['atAll', 'atPersonPhoneNumbers', 'endpointUuid', 'secret', 'url']);
    assert.ok(keys.every((i) => i.start === key.offset - 1 && i.end === key.offset));
  }
});

test('a key after a dash on a lone-CR line: the snippet indents from that line, not from the first', () => {
  const { text, offset } = at(['apiVersion: alertcfg/v1', 'kind: EventReport', 'spec:', '  events:', '    - meta|'], '\r');
  const item = completionsAt(text, offset, validateText(text), { locale: 'en', format: 'yaml' }).find((i) => i.label === 'metadata');
  // Lines after the first are relative to the line's indentation (4): 2 more to the key's column (6), and one unit (2).
  assert.ok(item?.insertText.startsWith('metadata:\n    event_name: '), item?.insertText);
  assert.deepEqual([item?.start, item?.end], [offset - 4, offset]);
});

test('yamlSpotAt reads lone-CR and CRLF lines of the text it is given', () => {
  for (const eol of ['\r', '\r\n']) {
    const { text, offset } = at(['spec:', '  params:', '    testMsg: hi', '    u|'], eol);
    assert.deepEqual(yamlSpotAt(text, offset), { at: 'key', path: ['spec', 'params'], start: offset - 1, end: offset, column: 4, hasColon: false, dashItem: false });
  }
});

test('hover on a later line of a lone-CR file covers the key', () => {
  const text = joined([...DINGTALK, '    atAll: true'], '\r');
  const key = text.indexOf('atAll');
  const h = hoverAt(text, key + 2, validateText(text), { locale: 'en' });
  assert.match(h?.markdown ?? '', /^\*\*atAll\*\*/);
  assert.deepEqual([h?.start, h?.end], [key, key + 'atAll'.length]);
});

test('folding, selection ranges and the outline of a lone-CR file', () => {
  const text = joined(['# one', '# two', 'apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: c}', 'metadata:', '  name: "quoted name"'], '\r');
  const file = validateText(text);
  assert.deepEqual(foldingRanges(text, file).map((r) => [text.slice(r.start, r.end), r.kind ?? '']), [
    ['# one\r# two', 'comment'],
    ['metadata:\r  name: "quoted name"', ''],
  ]);
  const chain = selectionRangesAt(text, file, text.indexOf('name"')).map((r) => text.slice(r.start, r.end));
  assert.deepEqual(chain, ['quoted name', '"quoted name"', 'name: "quoted name"', 'metadata:\r  name: "quoted name"', text.slice(text.indexOf('apiVersion')).trimEnd(), text.trimEnd()]);
  const outline = documentSymbols(file);
  assert.deepEqual(outline.map((s) => [s.name, s.detail, text.slice(s.selection.start, s.selection.end)]), [['quoted name', 'Contact', '"quoted name"']]);
});

const MISSING = ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: fix-missing', 'spec:', '  Email: a@example.com'];

test('a quick fix that adds a line ends it as the file ends its lines: LF, CRLF or lone CR', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    assert.equal(fixed(joined(MISSING, eol), 'MissingParameter.Name', 'Add the missing property "Name"'), joined([...MISSING, '  Name: user-demo'], eol));
  }
  // A mixed file: the first line break decides. The new line goes before the last line's own break.
  const mixed = `${MISSING.slice(0, 3).join('\r\n')}\r\n${MISSING.slice(3).join('\r')}\r`;
  assert.equal(fixed(mixed, 'MissingParameter.Name', 'Add the missing property "Name"'), `${mixed.slice(0, -1)}\r\n  Name: user-demo\r`);
});

test('a quick fix that adds a nested block writes lone CRs between all its lines', () => {
  const text = joined(['apiVersion: alertcfg/v1', 'kind: EventReport', 'metadata:', '    name: fix-nested', 'spec:', '    events:', '        - starts_at: 1716188400000'], '\r');
  const added = ['          metadata:', '              event_name: test', '              event_severity: Major', '              event_type: alarm', '              resource_provider: ecs', '              resource_type: vm', '              resource_id: ecs123'];
  assert.equal(fixed(text, 'missing-property', 'Add the missing property "metadata"'), text + joined(added, '\r'));
});

test('quick fixes in a lone-CR JSON file, and removing a line with its lone CR', () => {
  const json = '{\r  "$schema": "contact.schema.json",\r  "Email": "a@example.com"\r}\r';
  assert.equal(fixed(json, 'MissingParameter.Name', 'Add the missing property "Name"', 'json'), '{\r  "$schema": "contact.schema.json",\r  "Email": "a@example.com",\r  "Name": "user-demo"\r}\r');
  const yaml = ['apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: x', '  Tokn: t', '  Email: a@example.com'];
  assert.equal(fixed(joined(yaml, '\r'), 'unknown-property', 'Remove the unknown property "Tokn"'), joined(yaml.filter((l) => !l.includes('Tokn')), '\r'));
});
