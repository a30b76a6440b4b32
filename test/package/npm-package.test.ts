/**
 * The npm package as a user gets it: `npm pack` of the built bundles, installed
 * into an empty folder with npm (offline: the bundles hold every dependency), then
 * `npx alertcfg validate`, `alertcfg-language-server --stdio` and `alertcfg schema`
 * run from that install.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { folderBytes, installTarball, npmPackage } from '../helpers/npm-package';
import { tempDir } from '../cli/run-cli';
import { repoRoot } from '../helpers/repo';

const BAD_CONTACT = ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre', 'spec:', '  Name: sre', '  Email: not-an-address', ''].join('\n');
const GOOD_CONTACT = ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: ops', 'spec:', '  Name: ops', '  Email: ops@example.com', ''].join('\n');

function env(): NodeJS.ProcessEnv {
  const e = { ...process.env };
  delete e['NODE_OPTIONS'];
  return e;
}

test('npm pack: the commands, schemas and docs; no extension, source maps or images; no main to miss', { timeout: 180_000 }, async (t) => {
  const packed = await npmPackage();
  t.diagnostic(`alertcfg tarball: ${packed.size} bytes packed, ${packed.unpackedSize} bytes unpacked, ${packed.files.length} files`);
  const paths = packed.files.map((f) => f.path).sort();
  for (const p of ['dist/cli.js', 'dist/server.js', 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'docs/rules.md', 'schemas/alertcfg.schema.json', 'schemas/contact.schema.json']) assert.ok(paths.includes(p), `${p} is in the package`);
  assert.deepEqual(paths.filter((p) => p.endsWith('.map') || p.endsWith('.png') || p === 'dist/extension.js' || /^(server|client|test|scripts|examples|bench)\//.test(p)), []);
  // The package.json inside: no main (the extension's entry, not packed), nothing to install beside it.
  const inside = spawnSync('tar', ['-xzOf', packed.tarball, 'package/package.json'], { encoding: 'utf8' });
  assert.equal(inside.status, 0, inside.stderr);
  const manifest = JSON.parse(inside.stdout) as Record<string, unknown>;
  assert.ok(!('main' in manifest) || paths.includes(String(manifest['main']).replace(/^\.\//, '')), `main ${String(manifest['main'])} is in the package`);
  assert.deepEqual(manifest['bin'], { alertcfg: 'dist/cli.js', 'alertcfg-language-server': 'dist/server.js' });
  assert.deepEqual(Object.keys((manifest['dependencies'] as object | undefined) ?? {}), []);
  // The repository's own package.json is left as it was (the extension needs its main).
  assert.equal((JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { main?: string }).main, './dist/extension.js');
});

test('installed from the tarball into an empty folder: validate, schema and the language server run', { timeout: 240_000 }, async (t) => {
  const packed = await npmPackage();
  const dir = tempDir();
  installTarball(packed.tarball, dir);
  const modules = readdirSync(join(dir, 'node_modules')).filter((n) => !n.startsWith('.'));
  assert.deepEqual(modules, ['alertcfg'], 'nothing but alertcfg is installed');
  t.diagnostic(`installed: ${folderBytes(join(dir, 'node_modules'))} bytes in node_modules`);

  mkdirSync(join(dir, 'alerts'));
  writeFileSync(join(dir, 'alerts', 'bad.yaml'), BAD_CONTACT);
  writeFileSync(join(dir, 'alerts', 'good.yaml'), GOOD_CONTACT);
  const npx = (args: string[]) => spawnSync('npx', ['--offline', '--no-install', ...args], { cwd: dir, env: env(), encoding: 'utf8', timeout: 60_000 });

  const bad = npx(['alertcfg', 'validate', 'alerts']);
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stdout, /^alerts\/bad\.yaml:7:10 error InvalidParameter\.Email /m);
  assert.equal(bad.stderr, '2 files checked (2 alert config, 0 not alert config), 0 skipped. 1 error, 0 warnings.\n');
  const good = npx(['alertcfg', 'validate', 'alerts/good.yaml', 'alerts/*.json']);
  assert.equal(good.status, 2, 'a glob that matches nothing is an error');
  assert.equal(good.stderr, 'alertcfg: alerts/*.json matches no file.\n');
  const glob = npx(['alertcfg', 'validate', 'alerts/g*.yaml']);
  assert.equal(glob.status, 0, glob.stderr);
  assert.equal(glob.stderr, '1 file checked (1 alert config, 0 not alert config), 0 skipped. No problems.\n');

  const schema = npx(['alertcfg', 'schema', 'Contact']);
  assert.equal(schema.status, 0, schema.stderr);
  const json = JSON.parse(schema.stdout) as { $id: string; $schema: string; properties: Record<string, unknown> };
  assert.match(json.$id, /contact\.schema\.json$/);
  assert.equal(json.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.ok('Email' in json.properties);

  // The language server from the install's bin: initialize, shutdown, exit.
  const server = spawn(join(dir, 'node_modules', '.bin', 'alertcfg-language-server'), ['--stdio'], { cwd: dir, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  const conn = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  conn.listen();
  conn.onRequest(() => null);
  const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })) as { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } };
  assert.ok(init.capabilities['textDocumentSync'] !== undefined, 'the server syncs documents');
  assert.ok(init.capabilities['hoverProvider'], 'the server offers hover');
  assert.equal(init.serverInfo?.name, 'alertcfg-language-server');
  await conn.sendNotification('initialized', {});
  // Its diagnostics link to the rules page the package holds.
  const uri = pathToFileURL(join(dir, 'alerts', 'bad.yaml')).href;
  const published = new Promise<{ code: string; codeDescription?: { href: string } }[]>((resolve) =>
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { code: string; codeDescription?: { href: string } }[] }) => {
      if (p.uri === uri && p.diagnostics.length) resolve(p.diagnostics);
    }),
  );
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: BAD_CONTACT } });
  const [diagnostic] = await published;
  assert.equal(diagnostic!.code, 'InvalidParameter.Email');
  const link = new URL(diagnostic!.codeDescription!.href);
  assert.equal(link.protocol, 'file:');
  const page = fileURLToPath(`file://${link.pathname}`);
  assert.equal(page, join(dir, 'node_modules', 'alertcfg', 'docs', 'rules.md'));
  assert.ok(readFileSync(page, 'utf8').includes(`<a id="${link.hash.slice(1)}"></a>`), `${link.hash} is a section of the packaged rules.md`);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  assert.equal(await exited, 0, stderr);
  conn.dispose();
});
