// The real Alert Config extension, packaged with `npm run package`, in a real VS Code
// (code-server 4.100.3 driven by headless Chromium; see harness.ts):
//   1. the in-host integration suite (test/vscode/) in a trusted workspace;
//   2. its "@untrusted" part in an untrusted workspace (workspace trust on, Restricted Mode);
//   3. a UI smoke test: Problems panel, status bar, Set Secret and Send Test Message from the
//      palette against a loopback DingTalk stand-in (confirmation modal, result toasts), the
//      Preview, a hover and New Alert Config File; screenshots under test-artifacts/e2e/.
//
// Needs: bash scripts/e2e/ci-setup.sh (Chromium, ripgrep, code-server in ~/.cache). Skips
// with the precise reason when something is missing; with ALERTCFG_E2E_REQUIRE=1 (CI) a
// missing prerequisite fails instead.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startDingTalk } from '../standins/dingtalk';
import type { StandIn } from '../standins/server';
import { extensionVsix } from './extension-vsix';
import {
  INSTALL_HINT,
  type InHostResults,
  type VsCode,
  bundleInHostSuite,
  checkPrerequisites,
  formatInHostResults,
  repoRoot,
  runInHostSuite,
  skipUnlessReady,
  withVsCode,
} from './harness';
import { BROKEN_CONTACT_YAML } from '../helpers/resources';

const pre = checkPrerequisites({ needVsce: true });
if (!pre.ok) {
  const how = process.env.ALERTCFG_E2E_REQUIRE === '1' ? 'failing (ALERTCFG_E2E_REQUIRE=1)' : 'skipped';
  console.log(`# VS Code extension e2e (code-server host) ${how}: ${pre.reason}\n# to run it: ${INSTALL_HINT}`);
}

/** At least this many in-host tests must pass in the trusted run (and this many in the untrusted one). */
const MIN_TRUSTED_PASSED = 15;
const MIN_UNTRUSTED_PASSED = 5;

const lines = (...l: string[]) => `${l.join('\n')}\n`;

const SEED = lines(
  '# Opened first: activates the extension (onLanguage:yaml) and starts the language server.',
  'apiVersion: alertcfg/v1',
  'kind: Contact',
  'metadata:',
  '  name: seed',
  'spec:',
  '  Name: seed',
  '  Email: seed@example.com',
);

const BROKEN = BROKEN_CONTACT_YAML;

function botYaml(base: string): string {
  return lines(
    '# The on-call DingTalk bot (a loopback stand-in in this test).',
    'apiVersion: alertcfg/v1',
    'kind: Contact',
    'metadata:',
    '  name: sre-bot',
    'spec:',
    '  Name: sre-bot',
    '  DingTalkBotWebhook:',
    `    Address: ${base}/robot/send?access_token=\${secret:ui-dingtalk-token}`,
    '    SecretKey: ${secret:ui-dingtalk-secret}',
    '    AtMobiles: ["13800000000"]',
  );
}

const TOKEN = 'tokc0ffee0123456789abcdef0123456789ab';
const SECRET = 'SECc0ffee0123456789abcdef0123456789abcdef';

let work = '';
let vsix = '';
let suite = '';

function workspace(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

before(async () => {
  if (!pre.ok) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'alertcfg-e2e-ext-'));
  const packaged = await extensionVsix();
  vsix = packaged.file;
  console.log(`# alertcfg.vsix ${packaged.how} in ${packaged.ms} ms (${fs.statSync(vsix).size} bytes): ${vsix}`);
  suite = await bundleInHostSuite('test/vscode/index.ts');
});

after(() => {
  if (suite) fs.rmSync(path.dirname(suite), { recursive: true, force: true });
  if (work && !process.env.ALERTCFG_E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
});

function reportInHost(t: { diagnostic(message: string): void }, r: InHostResults): void {
  for (const line of formatInHostResults(r).split('\n')) t.diagnostic(line);
  for (const x of r.tests) t.diagnostic(`${x.state === 'passed' ? 'ok' : x.state === 'failed' ? 'FAILED' : 'pending'} ${x.title}${x.durationMs !== undefined ? ` (${x.durationMs} ms)` : ''}`);
}

test('in-host suite in code-server, trusted workspace: diagnostics, hover, completion, quick fixes, CodeLens, preview, send, secrets', { timeout: 300_000 }, async (t) => {
  if (skipUnlessReady(t, pre)) return;
  const ws = workspace('trusted', { 'seed.yaml': SEED });
  const results = await runInHostSuite({ name: 'ext-in-host', workspace: ws, vsix, suite, activate: (vs) => vs.openFile('seed.yaml'), suiteTimeoutMs: 240_000 });
  reportInHost(t, results);
  assert.equal(results.extension, 'alertcfg.alertcfg');
  assert.equal(results.failed, 0, formatInHostResults(results));
  assert.ok(results.passed >= MIN_TRUSTED_PASSED, `expected at least ${MIN_TRUSTED_PASSED} passed:\n${formatInHostResults(results)}`);
  assert.ok(results.tests.every((x) => !x.title.includes('@untrusted')), 'no @untrusted test runs in a trusted workspace');
});

test('in-host suite in code-server, untrusted workspace: validation works, sending is refused', { timeout: 300_000 }, async (t) => {
  if (skipUnlessReady(t, pre)) return;
  const ws = workspace('untrusted', { 'seed.yaml': SEED });
  const results = await runInHostSuite({
    name: 'ext-in-host-untrusted',
    workspace: ws,
    vsix,
    suite,
    workspaceTrust: true,
    settings: { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' },
    activate: (vs) => vs.openFile('seed.yaml'),
    suiteTimeoutMs: 240_000,
  });
  reportInHost(t, results);
  assert.equal(results.failed, 0, formatInHostResults(results));
  assert.ok(results.passed >= MIN_UNTRUSTED_PASSED, `expected at least ${MIN_UNTRUSTED_PASSED} passed:\n${formatInHostResults(results)}`);
  assert.ok(results.tests.every((x) => x.title.includes('@untrusted')), 'only @untrusted tests run in an untrusted workspace');
});

// ---------------------------------------------------------------------------------------
// UI smoke test

/** The rendered text of every visible editor (monaco renders spaces as U+00A0, put back as spaces). */
async function editorTexts(vs: VsCode): Promise<string[]> {
  return vs.page.$$eval('.monaco-editor .view-lines', (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.replace(/\u00a0/g, ' ')));
}

/** Answers the open input box (showInputBox): waits for `prompt` in the quick input, types `value`, Enter. */
async function answerInput(vs: VsCode, prompt: string | RegExp, value: string): Promise<void> {
  const widget = vs.page.locator('.quick-input-widget');
  await vs.waitFor(async () => {
    if (!(await widget.isVisible())) return false;
    const text = (await widget.innerText()).replace(/\s+/g, ' ');
    return typeof prompt === 'string' ? text.includes(prompt) : prompt.test(text);
  }, 15_000, `an input box asking ${String(prompt)}`);
  await vs.page.locator('.quick-input-widget .quick-input-box input').fill(value);
  await vs.page.keyboard.press('Enter');
}

/** Waits for a toast containing `text`; returns it. */
async function toast(vs: VsCode, text: string, timeoutMs = 20_000): Promise<string> {
  let seen: string[] = [];
  return vs
    .waitFor(async () => {
      seen = await vs.toasts();
      return seen.find((x) => x.includes(text));
    }, timeoutMs, `a toast with "${text}"`)
    .catch((e: Error) => {
      throw new Error(`${e.message}; toasts: ${JSON.stringify(seen)}`);
    });
}

async function clearToasts(vs: VsCode): Promise<void> {
  await vs.runCommand('Notifications: Clear All Notifications');
  await vs.waitFor(async () => (await vs.toasts()).length === 0, 10_000, 'no toasts');
}

/**
 * Moves the cursor to line:column (1-based) with Go to Line, waiting for the picker to take
 * the input before Enter (an Enter pressed before it has is lost), then shows the hover
 * (Control+K Control+I) and returns its text once it contains `match`.
 */
async function hoverAt(vs: VsCode, line: number, column: number, match: string): Promise<string> {
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
  await vs.page.keyboard.press('Control+K');
  await vs.page.keyboard.press('Control+I');
  let seen = '';
  return vs
    .waitFor(async () => {
      seen = (
        await vs.page.$$eval('.monaco-hover', (els) =>
          els
            .filter((e) => (e as unknown as { offsetParent: unknown }).offsetParent !== null && !e.classList.contains('hidden'))
            .map((e) => (e as unknown as { innerText: string }).innerText.trim())
            .filter(Boolean)
            .join('\n'),
        )
      );
      return seen.includes(match) ? seen : '';
    }, 15_000, `a hover at ${line}:${column} with "${match}"`)
    .catch((e: Error) => {
      throw new Error(`${e.message}; hover text seen: ${JSON.stringify(seen)}`);
    });
}

/**
 * Makes an open editor the active one by clicking its tab. (Quick Open is no good for a file
 * already open: its recent-files list matches before the typed filter applies.)
 */
async function focusTab(vs: VsCode, label: string): Promise<void> {
  await vs.page.keyboard.press('Escape');
  await vs.page.locator('.tabs-container .tab', { hasText: label }).first().click();
  await vs.waitFor(
    () => vs.page.$$eval('.editor-group-container.active .tab.active', (els, l) => els.some((e) => (e.getAttribute('aria-label') ?? '').startsWith(l)), label),
    10_000,
    `${label} to be the active editor`,
  );
}

async function setSecret(vs: VsCode, name: string, value: string): Promise<void> {
  await vs.runCommand('Alert Config: Set Secret');
  await answerInput(vs, 'Secret name, as written in ${secret:NAME}', name);
  await answerInput(vs, `Value of ${name}`, value);
  await toast(vs, `Secret ${name} stored.`);
}

test('UI in code-server: Problems panel, status bar, Set Secret, Send Test Message (modal, toasts), hover, preview, new file', { timeout: 300_000 }, async (t) => {
  if (skipUnlessReady(t, pre)) return;
  const bot = await startDingTalk({ accessToken: TOKEN, secret: SECRET });
  const host = `127.0.0.1:${bot.port}`;
  try {
    const ws = workspace('ui', { 'broken.yaml': BROKEN, 'bot.yaml': botYaml(bot.url) });
    const shots: Record<string, string> = {};
    await withVsCode({ name: 'ext-ui', workspace: ws, vsix }, async (vs) => {
      t.diagnostic(`install ${vs.timings.installMs} ms, code-server ready ${vs.timings.serverReadyMs} ms, workbench ready ${vs.timings.workbenchReadyMs} ms`);
      const step = (s: string) => t.diagnostic(`${new Date().toISOString().slice(11, 23)} ${s}`);

      // 1. A file with known findings: the Problems panel lists them, the status bars count them.
      step('problems');
      await vs.openFile('broken.yaml');
      let rows: string[] = [];
      rows = await vs
        .waitFor(async () => {
          rows = await vs.problems();
          return rows.length >= 4 ? rows : undefined;
        }, 60_000, 'the Problems panel to list broken.yaml and its three findings')
        .catch((e: Error) => {
          throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
        });
      t.diagnostic(`problems: ${JSON.stringify(rows)}`);
      shots.problems = await vs.screenshot('problems');
      assert.deepEqual(rows, [
        'broken.yaml 3',
        'Missing required property "Name" (Name of the alert contact): add it to "spec". alertcfg MissingParameter.Name [Ln 5, Col 1]',
        'Unknown property "Emial". Did you mean "Email"? alertcfg unknown-property [Ln 6, Col 3]',
        'Webhook.Address uses plain http, so Webhook.Token would travel unencrypted; alertcfg sends requests that carry a secret over https only. Use https://. alertcfg insecure-url [Ln 8, Col 14]',
      ]);
      assert.equal(await vs.statusProblems(), 'Errors: 1, Warnings: 2');
      // The extension's own status bar item: the server runs, and it counts alertcfg findings.
      const item = vs.page.locator('[id="alertcfg.alertcfg.alertcfg.status"]');
      const itemLabel = await vs.waitFor(async () => {
        const l = (await item.getAttribute('aria-label').catch(() => null)) ?? '';
        return l.includes('Alert Config: 1 errors, 2 warnings in alert-config files') ? l : '';
      }, 20_000, 'the Alert Config status bar item to count 1 error and 2 warnings');
      t.diagnostic(`status bar item: ${itemLabel}`);
      assert.equal((await item.innerText()).replace(/\s+/g, ' ').trim(), '1 2');

      // 2. Secrets through the palette into VS Code's SecretStorage (input boxes, toast).
      step('secrets');
      await setSecret(vs, 'ui-dingtalk-token', TOKEN);
      await setSecret(vs, 'ui-dingtalk-secret', SECRET);
      await clearToasts(vs);

      // 3. Hover: a field's documentation, and a secret reference now set in storage.
      step('hover');
      await vs.openFile('bot.yaml');
      const hover = await hoverAt(vs, 7, 4, 'Source: Volcengine VMP CreateContact');
      t.diagnostic(`hover: ${JSON.stringify(hover)}`);
      assert.match(hover, /^Name · string · required\n/);
      assert.match(hover, /Name of the contact, e\.g\. user-demo\. Required\. A name already taken by an existing contact is refused with Conflict\.Name\./);
      shots.hover = await vs.screenshot('hover');
      const secretHover = await hoverAt(vs, 10, 22, 'secret storage');
      assert.match(secretHover, /\$\{secret:ui-dingtalk-secret\} is set in secret storage\./);
      await vs.page.keyboard.press('Escape');

      // 4. Send Test Message from the palette: the first-time confirmation names the host; Send.
      step('send');
      await vs.runCommand('Alert Config: Send Test Message');
      const dialog = vs.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: 20_000 });
      const question = (await dialog.innerText()).replace(/\s+/g, ' ');
      t.diagnostic(`modal: ${question}`);
      assert.ok(question.includes(`Send a request to ${host} for the first time?`), question);
      await vs.screenshot('send-confirm');
      await dialog.getByRole('button', { name: 'Send', exact: true }).click();
      const ok = await toast(vs, `DingTalk test message: success (${host}).`);
      t.diagnostic(`toast: ${ok}`);
      await vs.waitFor(async () => (await vs.toasts()).every((x) => !x.includes('sending to')), 10_000, 'the progress notification to close');
      shots.toast = await vs.screenshot('send-success');
      assert.equal(bot.requests.length, 1);
      assert.equal(bot.requests[0]!.verdict, 'ok');
      assert.match(JSON.parse(bot.requests[0]!.body).text.content, /^alertcfg test message from sre-bot \(Contact\) at .* @13800000000$/);
      await clearToasts(vs);

      // 5. Preview Request: the request beside the file, secrets masked.
      step('preview');
      await focusTab(vs, 'bot.yaml');
      await vs.runCommand('Alert Config: Preview Request');
      const preview = await vs.waitFor(async () => (await editorTexts(vs)).find((x) => x.includes('# Preview of send')), 20_000, 'the preview editor');
      t.diagnostic(`preview: ${JSON.stringify(preview.split('\n').slice(0, 6))}`);
      assert.ok(preview.includes(`POST http://${host}/robot/send?access_token=tok****ab&timestamp=`), preview);
      assert.ok(!preview.includes(TOKEN) && !preview.includes(SECRET), 'no secret in the preview');
      // The preview's editor group maximized, so that whole lines show, masked values included.
      await vs.page.locator('.tabs-container .tab', { hasText: 'Preview Request sre-bot.http' }).click();
      await vs.runCommand('View: Maximize Editor Group and Hide Side Bars');
      await vs.waitFor(async () => !(await vs.page.locator('.tabs-container .tab', { hasText: 'bot.yaml' }).first().isVisible()), 5_000, 'the preview group maximized');
      shots.preview = await vs.screenshot('preview');
      await vs.runCommand('View: Toggle Maximize Editor Group');

      // 6. A wrong secret: DingTalk's 310000 comes back as an error toast (no modal: the host is known).
      step('wrong secret');
      await focusTab(vs, 'bot.yaml');
      await setSecret(vs, 'ui-dingtalk-secret', 'SECwrongwrongwrongwrongwrongwrong00');
      await clearToasts(vs);
      await vs.runCommand('Alert Config: Send Test Message');
      const failed = await toast(vs, 'DingTalk test message failed: 310000');
      t.diagnostic(`toast: ${failed}`);
      assert.ok(!failed.includes('SECwrong'), failed);
      await vs.waitFor(async () => (await vs.toasts()).every((x) => !x.includes('sending to')), 10_000, 'the progress notification to close');
      await vs.screenshot('send-310000');
      assert.equal(bot.requests.length, 2);
      assert.match(bot.requests[1]!.verdict, /^310000 /);
      await clearToasts(vs);

      // 7. New Alert Config File: pick a kind, get an untitled YAML document from the template.
      step('new file');
      await vs.runCommand('Alert Config: New Alert Config File');
      await vs.waitFor(async () => (await vs.quickInputRows()).some((r) => r.includes('EventReport')), 15_000, 'the kind picker');
      await vs.page.locator('.quick-input-widget .quick-input-box input').fill('EventReport');
      await vs.waitFor(async () => (await vs.quickInputRows())[0]?.includes('EventReport'), 10_000, 'EventReport first in the picker');
      await vs.page.keyboard.press('Enter');
      const created = await vs.waitFor(async () => (await editorTexts(vs)).find((x) => x.includes('kind: EventReport')), 20_000, 'the new EventReport document');
      t.diagnostic(`new file: ${JSON.stringify(created.split('\n').slice(0, 4))}`);
      assert.match(created, /apiVersion: alertcfg\/v1\nkind: EventReport\n/);
      const tab = await vs.page.$eval('.tabs-container .tab.active', (e) => e.getAttribute('aria-label') ?? '');
      assert.match(tab, /\bUntitled-1\b/);
      assert.equal((await vs.page.locator('[id="status.editor.mode"]').innerText()).trim(), 'YAML');
      await vs.screenshot('new-file');
    });
    // UPDATE_DOCS_IMAGES=1 refreshes the README's pictures from this run.
    if (process.env.UPDATE_DOCS_IMAGES === '1') {
      const docs = path.join(repoRoot(), 'docs', 'images');
      fs.mkdirSync(docs, { recursive: true });
      for (const [name, file] of Object.entries({ 'vscode-problems.png': shots.problems, 'vscode-hover.png': shots.hover, 'vscode-send-test-message.png': shots.toast })) {
        if (file) fs.copyFileSync(file, path.join(docs, name));
      }
      t.diagnostic(`docs/images updated: vscode-problems.png, vscode-hover.png, vscode-send-test-message.png`);
    }
  } finally {
    await bot.close();
  }
});
