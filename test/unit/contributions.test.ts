import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { configSchemaText, configurationContribution, nlsEntries, replaceByCommand, verbContributions, verbNlsEntries } from '../tools/contributions';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const read = (f: string) => JSON.parse(readFileSync(join(root, f), 'utf8')) as Record<string, any>;
const update = process.env['UPDATE_CONTRIBUTIONS'] === '1';

test('package.json contributes every setting of the settings definition, and nothing else', () => {
  const pkg = read('package.json');
  const expected = configurationContribution();
  if (update) {
    pkg.contributes.configuration = expected;
    writeFileSync(join(root, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  }
  assert.deepEqual(read('package.json').contributes.configuration, expected, 'run `npm run contributions` to regenerate');
});

for (const [file, locale] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh-cn']] as const) {
  test(`${file} describes every setting in its language`, () => {
    const nls = read(file);
    const want = nlsEntries(locale);
    if (update) {
      writeFileSync(join(root, file), `${JSON.stringify({ ...nls, ...want }, null, 2)}\n`);
    }
    const got = read(file);
    for (const [k, v] of Object.entries(want)) assert.equal(got[k], v, `${file}: ${k}`);
    const configKeys = Object.keys(got).filter((k) => k.startsWith('config.'));
    assert.deepEqual(configKeys.sort(), Object.keys(want).sort(), `${file} has descriptions of settings that do not exist`);
  });
}

test('every %key% of package.json is in both package.nls files', () => {
  const keys = [...readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
  assert.ok(keys.length > 20);
  for (const f of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const nls = read(f);
    const missing = keys.filter((k) => typeof nls[k] !== 'string');
    assert.deepEqual(missing, [], `${f} lacks ${missing.join(', ')}`);
  }
});

test('schemas/alertcfg-config.schema.json is the schema of the settings definition', () => {
  const file = join(root, 'schemas', 'alertcfg-config.schema.json');
  if (update) writeFileSync(file, configSchemaText());
  assert.equal(existsSync(file) ? readFileSync(file, 'utf8') : '', configSchemaText(), 'run `npm run contributions` to regenerate');
});

test('every runtime string of the extension has a Simplified Chinese translation', () => {
  const { readdirSync } = require('node:fs') as typeof import('node:fs');
  const dir = join(root, 'client', 'src');
  const used = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) used.add(m[1]!.replace(/\\'/g, "'"));
  }
  assert.ok(used.size > 30, `found ${used.size} strings`);
  const bundle = read('l10n/bundle.l10n.zh-cn.json');
  const missing = [...used].filter((s) => typeof bundle[s] !== 'string');
  assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.zh-cn.json');
  const unused = Object.keys(bundle).filter((s) => !used.has(s));
  assert.deepEqual(unused, [], 'remove these from l10n/bundle.l10n.zh-cn.json');
});

test('package.json contributes each verb of the verbs table: its command, palette entry and context-menu entries (editor, explorer)', () => {
  const want = verbContributions();
  if (update) {
    const pkg = read('package.json');
    pkg.contributes.commands = replaceByCommand(pkg.contributes.commands, want.commands);
    pkg.contributes.menus.commandPalette = replaceByCommand(pkg.contributes.menus.commandPalette, want.commandPalette);
    pkg.contributes.menus['editor/context'] = replaceByCommand(pkg.contributes.menus['editor/context'], want.editorContext);
    pkg.contributes.menus['explorer/context'] = replaceByCommand(pkg.contributes.menus['explorer/context'] ?? [], want.explorerContext);
    writeFileSync(join(root, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  }
  const c = read('package.json').contributes;
  const find = (list: Record<string, unknown>[], command: unknown) => list.filter((x) => x['command'] === command);
  for (const [list, entries] of [[c.commands, want.commands], [c.menus.commandPalette, want.commandPalette], [c.menus['editor/context'], want.editorContext], [c.menus['explorer/context'] ?? [], want.explorerContext]] as const) {
    for (const w of entries) assert.deepEqual(find(list, w['command']), [w], `${String(w['command'])}: run \`npm run contributions\``);
  }
});

for (const [file, locale] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh-cn']] as const) {
  test(`${file} titles every verb as the verbs table does in its language`, () => {
    const want = verbNlsEntries(locale);
    if (update) writeFileSync(join(root, file), `${JSON.stringify({ ...read(file), ...want }, null, 2)}\n`);
    const got = read(file);
    for (const [k, v] of Object.entries(want)) assert.equal(got[k], v, `${file}: ${k}`);
  });
}
