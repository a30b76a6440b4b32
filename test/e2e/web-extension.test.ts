// The extension as VS Code for the Web runs it, in a real workbench: code-server 4.100.3 and
// headless Chromium (harness.ts), with the packaged extension's `main` taken out and its Node
// bundles removed, so that VS Code runs only the `browser` entry, in the web worker extension
// host, and the language server (dist/web/server.js) in a web worker. The workspace's files
// reach the server through vscode.workspace.fs and findFiles. Checked: the Problems panel
// (codes and positions, .alertcfg.yaml applied), a Conflict.Name with a file that is not
// open, a hover, completion, the preview, and Send Test Message saying that it needs VS Code
// desktop or the CLI and copying the request as curl.
//
// Needs: bash scripts/e2e/ci-setup.sh. Skips with the precise reason when something is
// missing; with ALERTCFG_E2E_REQUIRE=1 (CI) a missing prerequisite fails instead.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BROKEN_CONTACT_YAML } from '../helpers/resources';
import { extensionVsix, unpackExtension } from './extension-vsix';
import { INSTALL_HINT, type VsCode, checkPrerequisites, packageVsix, repoRoot, skipUnlessReady, withVsCode } from './harness';

const pre = checkPrerequisites({ needVsce: true });
if (!pre.ok) console.log(`# VS Code for the Web e2e (code-server, web worker host) ${process.env.ALERTCFG_E2E_REQUIRE === '1' ? 'failing (ALERTCFG_E2E_REQUIRE=1)' : 'skipped'}: ${pre.reason}\n# to run it: ${INSTALL_HINT}`);

const ONCALL = fs.readFileSync(path.join(repoRoot(), 'examples', 'contacts', 'sre-oncall.yaml'), 'utf8');
const FILES: Record<string, string> = {
  '.alertcfg.yaml': 'rules:\n  unknown-property: error\n',
  'broken.yaml': BROKEN_CONTACT_YAML,
  'contacts/sre-oncall.yaml': ONCALL,
  'contacts/sre-oncall-backup.yaml': ONCALL.replace('name: sre-oncall', 'name: sre-oncall-backup'),
  'contacts/new.yaml': 'apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: new\nspec:\n  Name: new\n  \n',
};
const DINGTALK_SECRET = 'SECweb0123456789abcdef0123456789abcdef0123';

let work = '';
let vsix = '';

/** The packaged extension with only its `browser` entry: no `main`, no Node bundles. */
before(async () => {
  if (!pre.ok) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'alertcfg-e2e-web-'));
  const packaged = await extensionVsix();
  const dir = unpackExtension(packaged.file, path.join(work, 'extension'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest['browser'], './dist/web/extension.js');
  delete manifest['main'];
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const f of ['dist/extension.js', 'dist/server.js']) fs.rmSync(path.join(dir, f));
  vsix = packageVsix(dir, path.join(work, 'alertcfg-web.vsix'), ['--no-rewrite-relative-links']);
});

after(() => {
  if (work && !process.env.ALERTCFG_E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
});

async function toast(vs: VsCode, text: string, timeoutMs = 20_000): Promise<string> {
  let seen: string[] = [];
  return vs.waitFor(async () => (seen = await vs.toasts()).find((x) => x.includes(text)), timeoutMs, `a toast with "${text}"`).catch((e: Error) => {
    throw new Error(`${e.message}; toasts: ${JSON.stringify(seen)}`);
  });
}

/** Moves the cursor with Go to Line, waiting for the picker to take the input (an early Enter is lost). */
async function goTo(vs: VsCode, line: number, column: number): Promise<void> {
  const input = vs.page.locator('.quick-input-widget .quick-input-box input');
  await vs.page.keyboard.press('Escape');
  await vs.page.keyboard.press('Control+G');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await vs.waitFor(async () => (await input.getAttribute('aria-label'))?.includes(`Go to line ${line} and character ${column}`), 10_000, 'Go to Line to take the input');
  await vs.waitFor(async () => (await vs.quickInputRows()).length > 0, 10_000, 'Go to Line to list its item');
  await vs.page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
  const selection = vs.page.locator('[id="status.editor.selection"]');
  await vs.waitFor(async () => (await selection.innerText()).trim() === `Ln ${line}, Col ${column}`, 10_000, `the cursor at Ln ${line}, Col ${column}`);
}

/** The rows of one file's group in the Problems panel: the file row and its markers. */
async function problemsOf(vs: VsCode, file: string, markers: number): Promise<string[]> {
  let rows: string[] = [];
  return vs
    .waitFor(async () => {
      rows = await vs.problems();
      const at = rows.findIndex((r) => r.startsWith(`${file} `));
      return at >= 0 && rows[at] === `${file} ${markers}` && rows.length >= at + 1 + markers ? rows.slice(at, at + 1 + markers) : undefined;
    }, 60_000, `the Problems panel to list ${file} with ${markers} findings`)
    .catch((e: Error) => {
      throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
    });
}

async function pick(vs: VsCode, label: string): Promise<void> {
  await vs.waitFor(async () => (await vs.quickInputRows()).some((r) => r.includes(label)), 15_000, `the picker to offer ${label}`);
  await vs.page.locator('.quick-input-widget .quick-input-box input').fill(label);
  await vs.waitFor(async () => (await vs.quickInputRows())[0]?.includes(label), 10_000, `${label} first in the picker`);
  await vs.page.keyboard.press('Enter');
}

test('only the browser entry, in code-server: problems, cross-file Conflict.Name, hover, completion, preview, send says desktop or CLI', { timeout: 300_000 }, async (t) => {
  if (skipUnlessReady(t, pre)) return;
  const ws = path.join(work, 'ws');
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), text);
  }
  await withVsCode({ name: 'web-ext', workspace: ws, vsix }, async (vs) => {
    const step = (s: string) => t.diagnostic(`${new Date().toISOString().slice(11, 23)} ${s}`);
    await vs.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${vs.port}` });

    // 1. Findings with their codes and positions; unknown-property is an error by the workspace's .alertcfg.yaml.
    step('problems');
    await vs.openFile('broken.yaml');
    assert.deepEqual(await problemsOf(vs, 'broken.yaml', 3), [
      'broken.yaml 3',
      'Missing required property "Name" (Name of the alert contact): add it to "spec". alertcfg MissingParameter.Name [Ln 5, Col 1]',
      'Unknown property "Emial". Did you mean "Email"? alertcfg unknown-property [Ln 6, Col 3]',
      'Webhook.Address uses plain http, so Webhook.Token would travel unencrypted; alertcfg sends requests that carry a secret over https only. Use https://. alertcfg insecure-url [Ln 8, Col 14]',
    ]);
    await vs.waitFor(async () => (await vs.statusProblems()) === 'Errors: 2, Warnings: 1', 20_000, 'the status bar to count 2 errors and 1 warning');
    await vs.screenshot('problems');

    // 2. The other contact with the same Name is not open: the server found it through vscode.workspace.fs.
    step('conflict');
    await vs.openFile('contacts/sre-oncall.yaml');
    const rows = await vs.waitFor(async () => {
      const found = (await vs.problems()).filter((r) => r.includes('Conflict.Name'));
      return found.length ? found : undefined;
    }, 60_000, 'a Conflict.Name in the Problems panel');
    t.diagnostic(`conflict: ${JSON.stringify(rows)}`);
    assert.ok(rows.some((r) => /^Another Contact in the workspace also has Name "sre-oncall" \(2 in all\).* alertcfg Conflict\.Name \[Ln 12, Col 9\]$/.test(r)), JSON.stringify(rows));

    // 3. Hover on a field of the example file.
    step('hover');
    await goTo(vs, 12, 4);
    await vs.page.keyboard.press('Control+K');
    await vs.page.keyboard.press('Control+I');
    const hover = await vs.waitFor(
      () => vs.page.$$eval('.monaco-hover', (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.trim()).find((x) => x.includes('Source: Volcengine VMP CreateContact')) ?? ''),
      15_000,
      'a hover with the field documentation',
    );
    assert.match(hover, /^Name · string · required\n/);
    await vs.screenshot('hover');

    // 4. Completion of the keys a Contact's spec may have.
    step('completion');
    await vs.openFile('contacts/new.yaml');
    await goTo(vs, 7, 3);
    await vs.page.keyboard.press('Control+Space');
    const labels = await vs.waitFor(async () => {
      const l = await vs.page.$$eval('.suggest-widget .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      return l.some((x) => x.startsWith('Email')) ? l : undefined;
    }, 20_000, 'the suggestions to offer Email');
    t.diagnostic(`completion: ${JSON.stringify(labels.slice(0, 8))}`);
    assert.ok(labels.some((x) => x.startsWith('DingTalkBotWebhook')), JSON.stringify(labels));
    await vs.screenshot('completion');
    await vs.page.keyboard.press('Escape');

    // 5. Set Secret, then the preview: the request as it would be sent, signed, the secret masked.
    step('preview');
    await vs.runCommand('Alert Config: Set Secret');
    for (const value of ['sre-dingtalk-secret', DINGTALK_SECRET]) {
      await vs.waitFor(() => vs.page.locator('.quick-input-widget').isVisible(), 15_000, 'an input box');
      await vs.page.locator('.quick-input-widget .quick-input-box input').fill(value);
      await vs.page.keyboard.press('Enter');
      await vs.page.waitForTimeout(300);
    }
    await toast(vs, 'Secret sre-dingtalk-secret stored.');
    await vs.page.locator('.tabs-container .tab', { hasText: 'sre-oncall.yaml' }).first().click();
    await vs.runCommand('Alert Config: Preview Request');
    await pick(vs, 'DingTalk');
    const preview = await vs.waitFor(
      async () => (await vs.page.$$eval('.monaco-editor .view-lines', (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.replace(/\u00a0/g, ' ')))).find((x) => x.includes('# Preview of send')),
      20_000,
      'the preview editor',
    );
    assert.ok(preview.includes('POST https://oapi.dingtalk.com/robot/send?access_token='), preview);
    assert.match(preview, /&timestamp=\d{13}&sign=/);
    assert.ok(!preview.includes(DINGTALK_SECRET), 'the secret is masked');
    await vs.screenshot('preview');

    // 6. Send Test Message: not from a browser; the request as curl instead.
    step('send');
    await vs.page.locator('.tabs-container .tab', { hasText: 'sre-oncall.yaml' }).first().click();
    await vs.runCommand('Alert Config: Send Test Message');
    await pick(vs, 'DingTalk');
    const warning = await toast(vs, 'needs VS Code desktop or the alertcfg CLI');
    assert.ok(warning.includes('Send Test Message needs VS Code desktop or the alertcfg CLI: the browser blocks the cross-origin requests it sends.'), warning);
    await vs.screenshot('send');
    await vs.page.locator('.notifications-toasts .notification-toast', { hasText: 'needs VS Code desktop' }).getByRole('button', { name: 'Copy as curl' }).click();
    await toast(vs, 'Copied as curl.');
    const curl = await vs.page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    t.diagnostic(`curl: ${curl.slice(0, 160)}…`);
    const signed = /^curl -sS -X POST 'https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=[^&]+&timestamp=(\d{13})&sign=([A-Za-z0-9%]+)' /.exec(curl);
    assert.ok(signed, curl);
    // Signed in the browser (the engine's own HMAC-SHA256) as DingTalk checks it: HMAC of "<timestamp>\n<secret>", base64, URL-encoded.
    assert.equal(decodeURIComponent(signed[2]!), createHmac('sha256', DINGTALK_SECRET).update(`${signed[1]}\n${DINGTALK_SECRET}`).digest('base64'));
    assert.ok(!curl.includes(DINGTALK_SECRET), 'no secret on the clipboard');
  });
});
