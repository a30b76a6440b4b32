/**
 * What a CLI run loads (docs/architecture.md, "What loads when"). The CLI is
 * dist/cli.js and chunks beside it; a hook given to node with --require lists the
 * files a run loaded, and each file's source map names the sources it holds.
 * `validate` must load the parsing, recognition, validation and reporting code
 * only: no action commands, delivery, undici, signing or request building, no
 * editor features or quick fixes, no SARIF builder or glob library, and not the
 * full YAML parser while every document is on the fast path. Each of those loads
 * when a run needs it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CLI, ROOT, lines, makeRepo, tempDir } from './run-cli';

const BUILT = existsSync(CLI) ? false : 'dist/cli.js is not built (npm run build)';

/** Sources a validate run must not load, by path prefix. */
const NOT_FOR_VALIDATE = [
  'node_modules/undici/',
  'server/src/delivery/',
  'server/src/engine/signing/',
  'server/src/engine/actions/',
  'server/src/engine/crypto/',
  'server/src/engine/features/',
  'server/src/engine/fixes/',
  'server/src/engine/templates.ts',
  'server/src/node/',
  'server/src/cli/action-commands.ts',
  'server/src/cli/schema-init-commands.ts',
  'node_modules/node-sarif-builder/',
  'node_modules/tinyglobby/',
];

const CONTACT = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre-oncall', 'target:', '  region: cn-beijing', 'spec:', '  Name: sre-oncall', '  Email: sre@example.com');
const CONTACT_JSON = JSON.stringify({ apiVersion: 'alertcfg/v1', kind: 'Contact', metadata: { name: 'ops' }, target: { region: 'cn-beijing' }, spec: { Name: 'ops', Email: 'ops@example.com' } });
/** Anchors and a block scalar: outside the fast path, so the full YAML parser reads it. */
const ANCHORED = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: &n ops-team', 'spec:', '  Name: *n', '  Email: |', '    ops@example.com');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The sources of the files the run loaded (repository paths, `node_modules/…` for dependencies). */
  sources: Set<string>;
}

function runTraced(args: string[], cwd: string): Run {
  const dir = tempDir();
  const hook = join(dir, 'hook.cjs');
  const out = join(dir, 'loaded.json');
  writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const r = spawnSync(process.execPath, ['--require', hook, CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  const loaded = (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((f) => f.startsWith(dirname(CLI) + sep));
  assert.ok(loaded.includes(CLI), 'the hook saw dist/cli.js load');
  const sources = new Set<string>();
  for (const file of loaded) {
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    for (const s of map.sources) {
      const at = s.lastIndexOf('node_modules/');
      sources.add(at >= 0 ? s.slice(at) : relative(ROOT, resolve(dirname(file), s)).split(sep).join('/'));
    }
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, sources };
}

function loadedUnder(run: Run, prefix: string): string[] {
  return [...run.sources].filter((s) => s.startsWith(prefix));
}

test('validate loads the checking code and nothing of the other commands', { skip: BUILT }, () => {
  const repo = makeRepo({ 'alerts/contact.yaml': CONTACT, 'alerts/ops.json': CONTACT_JSON, '.gitignore': 'drafts/\n' });
  const run = runTraced(['validate'], repo);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /^2 files checked \(2 alert config/);
  for (const needed of ['server/src/cli/check-files.ts', 'server/src/engine/validate.ts', 'server/src/engine/parse/yaml-fast/index.ts', 'server/src/engine/schema/validators.generated.js']) {
    assert.ok(run.sources.has(needed), `validate loaded ${needed}`);
  }
  for (const prefix of [...NOT_FOR_VALIDATE, 'node_modules/yaml/']) assert.deepEqual(loadedUnder(run, prefix), [], `validate loaded nothing of ${prefix}`);
});

test('validate loads the SARIF builder for SARIF only, and still no action code', { skip: BUILT }, () => {
  const repo = makeRepo({ 'contact.yaml': CONTACT });
  const run = runTraced(['validate', '--format', 'sarif'], repo);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(loadedUnder(run, 'node_modules/node-sarif-builder/').length > 0, 'the SARIF run loaded node-sarif-builder');
  for (const prefix of NOT_FOR_VALIDATE.filter((p) => !p.includes('sarif'))) assert.deepEqual(loadedUnder(run, prefix), [], `validate --format sarif loaded nothing of ${prefix}`);
});

test('the full YAML parser loads when a document needs it, with the same findings', { skip: BUILT }, () => {
  const repo = makeRepo({ 'anchored.yaml': ANCHORED });
  const run = runTraced(['validate', 'anchored.yaml'], repo);
  assert.ok(loadedUnder(run, 'node_modules/yaml/').length > 0, 'the anchored file loaded the yaml package');
  // The block scalar keeps its line break: not an e-mail address, found on the fast path's terms too.
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /^anchored\.yaml:7:10 error InvalidParameter\.Email /m);
});

test('globs load the glob library, and the action commands their own code', { skip: BUILT }, () => {
  const repo = makeRepo({ 'alerts/contact.yaml': CONTACT });
  const globbed = runTraced(['validate', 'alerts/*.yaml'], repo);
  assert.equal(globbed.status, 0, globbed.stderr);
  assert.ok(loadedUnder(globbed, 'node_modules/tinyglobby/').length > 0, 'a glob argument loaded tinyglobby');
  const preview = runTraced(['preview', 'alerts/contact.yaml'], repo);
  assert.equal(preview.status, 0, preview.stderr);
  assert.ok(preview.sources.has('server/src/cli/action-commands.ts'), 'preview loaded the action commands');
  assert.ok(loadedUnder(preview, 'server/src/engine/actions/').length > 0, 'preview loaded request building');
});
