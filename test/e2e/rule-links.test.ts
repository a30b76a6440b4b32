// Diagnostics link every finding's code to its rule's section of docs/rules.md. In the
// extension the link is `command:alertcfg.showRule?["<anchor>"]`, which opens the rules
// page the .vsix ships (in the display language when it ships a translation); as an npm
// package or for any other client, a file link to docs/rules.md beside the server.
//
// This packages the .vsix, unpacks it, runs the server from it as the extension does
// (initialization option ruleLinks: command) and as other clients do (file links) on a
// file with a finding of most rules, and checks that every link target is inside the
// package: the file the extension would open, and the section in it. The catalog's every
// code is checked against the shipped page too.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { CATALOG, codeAnchor } from '../../server/src/engine/rules/catalog';
import { rulesDocFile, ruleAnchor } from '../../client/src/rules-doc';
import { extensionVsix, zipEntries, zipRead } from './extension-vsix';
import { repoRoot, vsceBin } from './harness';

interface Diag {
  code?: string | number;
  codeDescription?: { href: string };
}

/** The anchors a markdown page has: `<a id="...">` and its headings' slugs as VS Code's preview makes them. */
function anchorsOf(markdown: string): Set<string> {
  const ids = new Set([...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!));
  for (const m of markdown.matchAll(/^#{1,6} (.+)$/gm)) ids.add(m[1]!.trim().toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}_-]/gu, ''));
  return ids;
}

/** Runs the unpacked server over stdio on one document; resolves with its diagnostics. */
async function diagnosticsFrom(server: string, initializationOptions: object, text: string): Promise<Diag[]> {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const uri = pathToFileURL(path.join(os.tmpdir(), 'alertcfg-rule-links', 'every-rule.yaml')).href;
  const published = new Promise<Diag[]>((resolve) => {
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
      if (p.uri === uri && p.diagnostics.length) resolve(p.diagnostics);
    });
  });
  conn.onRequest(() => null);
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null, initializationOptions });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return await Promise.race([published, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics within 20 s')), 20_000))]);
  } finally {
    conn.dispose();
    child.kill();
  }
}

test('every diagnostic code link points inside the packaged extension', { timeout: 300_000 }, async (t) => {
  if (!vsceBin()) {
    const reason = '@vscode/vsce cannot be resolved; install it with: npm i -D @vscode/vsce@3.9.2';
    if (process.env.ALERTCFG_E2E_REQUIRE === '1') throw new Error(`${reason} (ALERTCFG_E2E_REQUIRE=1)`);
    return t.skip(reason);
  }
  const vsix = await extensionVsix();
  const buf = fs.readFileSync(vsix.file);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alertcfg-vsix-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const e of zipEntries(buf)) {
    if (e.name.endsWith('/')) continue;
    const p = path.join(dir, e.name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, zipRead(buf, e));
  }
  const ext = path.join(dir, 'extension');
  const inside = (p: string) => {
    const rel = path.relative(ext, p);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && fs.existsSync(p);
  };

  // The page the links open, for English and for every language the extension has strings in.
  const languages = ['en', ...fs.readdirSync(path.join(ext, 'l10n')).map((n) => /^bundle\.l10n\.(.+)\.json$/.exec(n)?.[1]).filter((x): x is string => Boolean(x))];
  const pages = new Map(languages.map((lang) => [lang, rulesDocFile(ext, lang, fs.existsSync)]));
  for (const [lang, page] of pages) {
    assert.ok(inside(page), `the rules page for ${lang} (${page}) is in the .vsix`);
    const anchors = anchorsOf(fs.readFileSync(page, 'utf8'));
    for (const doc of CATALOG) assert.ok(anchors.has(codeAnchor(doc.code)), `${path.basename(page)} has a section for ${doc.code}`);
    // Its own links go to its own sections.
    for (const m of fs.readFileSync(page, 'utf8').matchAll(/\]\(([^)]+)\)/g)) {
      assert.ok(m[1]!.startsWith('#') && anchors.has(m[1]!.slice(1)), `${path.basename(page)} links to ${m[1]} inside itself`);
    }
  }
  t.diagnostic(`rules pages: ${[...pages].map(([l, p]) => `${l} → ${path.relative(ext, p)}`).join(', ')}`);

  const fixture = fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'every-rule', 'every-rule.yaml'), 'utf8');
  const server = path.join(ext, 'dist', 'server.js');

  // As the extension starts it: command links whose anchor is a section of the shipped page.
  const asExtension = await diagnosticsFrom(server, { ruleLinks: 'command' }, fixture);
  const codes = new Set(asExtension.map((d) => String(d.code)));
  assert.ok(codes.size >= 20, `the fixture shows many rules (${[...codes].join(', ')})`);
  for (const d of asExtension) {
    const href = d.codeDescription?.href ?? '';
    const m = /^command:alertcfg\.showRule\?(.+)$/.exec(href);
    assert.ok(m, `${d.code}: ${href} is a showRule link`);
    const args = JSON.parse(decodeURIComponent(m[1]!)) as unknown[];
    const anchor = ruleAnchor(args[0]);
    assert.equal(anchor, codeAnchor(String(d.code)), `${d.code}: the link names its own rule`);
    for (const [lang, page] of pages) assert.ok(anchorsOf(fs.readFileSync(page, 'utf8')).has(anchor!), `${d.code}: #${anchor} is in the ${lang} rules page`);
  }

  // As any other client (and the npm package) gets them: file links to docs/rules.md beside the server.
  const asOther = await diagnosticsFrom(server, {}, fixture);
  assert.equal(asOther.length, asExtension.length);
  for (const d of asOther) {
    const href = d.codeDescription?.href ?? '';
    assert.ok(href.startsWith('file:'), `${d.code}: ${href} is a file link`);
    const url = new URL(href);
    const file = fileURLToPath(`${url.protocol}//${url.host}${url.pathname}`);
    assert.ok(inside(file), `${d.code}: ${file} is in the .vsix`);
    assert.ok(anchorsOf(fs.readFileSync(file, 'utf8')).has(url.hash.slice(1)), `${d.code}: ${url.hash} is a section of ${path.basename(file)}`);
  }
});
