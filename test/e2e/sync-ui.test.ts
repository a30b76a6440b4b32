// GitOps sync in the real workbench (code-server driven by headless Chromium, see
// harness.ts), as a user does it, against a Volcengine VMP stand-in on 127.0.0.1:
// Set Credentials from the palette, "Alert Config: Plan Sync" (the plan view opens beside
// the editor with the Markdown plan; the CodeLens above the resource says "would create"),
// then "Alert Config: Apply" (the modal names the change and the host; the summary toast
// counts what was done) and the CodeLens says "in sync". Screenshots under
// test-artifacts/e2e/.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startVolcengine } from '../standins/volcengine';
import { extensionVsix } from './extension-vsix';
import { INSTALL_HINT, type VsCode, checkPrerequisites, skipUnlessReady, withVsCode } from './harness';

const pre = checkPrerequisites({ needVsce: true });
if (!pre.ok) console.log(`# GitOps sync UI e2e (code-server host) skipped: ${pre.reason}\n# to run it: ${INSTALL_HINT}`);

const AK = 'AKLTuisync0001';
const SK = 'uiSyncVolcSecret0001';

let work = '';
let vsix = '';

before(async () => {
  if (!pre.ok) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'alertcfg-e2e-sync-'));
  vsix = (await extensionVsix()).file;
});

after(() => {
  if (work && !process.env.ALERTCFG_E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
});

async function answerInput(vs: VsCode, prompt: string, value: string): Promise<void> {
  const widget = vs.page.locator('.quick-input-widget');
  await vs.waitFor(async () => (await widget.isVisible()) && (await widget.innerText()).replace(/\s+/g, ' ').includes(prompt), 15_000, `an input box asking ${prompt}`);
  await vs.page.locator('.quick-input-widget .quick-input-box input').fill(value);
  await vs.page.keyboard.press('Enter');
}

async function pick(vs: VsCode, label: string): Promise<void> {
  await vs.waitFor(async () => (await vs.quickInputRows()).some((r) => r.includes(label)), 15_000, `the picker to list ${label}`);
  await vs.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first().click();
}

async function toast(vs: VsCode, text: string, timeoutMs = 30_000): Promise<string> {
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

/** The CodeLens texts shown in the visible editors. */
async function lensTexts(vs: VsCode): Promise<string[]> {
  return vs.page.$$eval('.codelens-decoration a', (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.replace(/\u00a0/g, ' ').trim()));
}

test('UI in code-server: Plan Sync opens the plan view and the CodeLens state; Apply asks once, converges and sums up', { timeout: 300_000 }, async (t) => {
  if (skipUnlessReady(t, pre)) return;
  const vc = await startVolcengine({ accessKeyId: AK, secretAccessKey: SK });
  const host = `127.0.0.1:${vc.port}`;
  try {
    const ws = path.join(work, 'sync');
    fs.mkdirSync(ws, { recursive: true });
    fs.writeFileSync(
      path.join(ws, 'ops.yaml'),
      ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: ops', 'target:', '  region: cn-beijing', `  endpoint: ${vc.url}`, 'spec:', '  Name: ops', '  Email: ops@example.com', ''].join('\n'),
    );
    await withVsCode({ name: 'sync-ui', workspace: ws, vsix }, async (vs) => {
      const step = (s: string) => t.diagnostic(`${new Date().toISOString().slice(11, 23)} ${s}`);
      step('open and set credentials');
      await vs.openFile('ops.yaml');
      await vs.waitFor(async () => (await lensTexts(vs)).some((x) => x.includes('Preview request')), 60_000, 'the CodeLens of ops.yaml');
      await vs.runCommand('Alert Config: Set Credentials');
      await pick(vs, 'Volcengine AK/SK');
      await answerInput(vs, 'Access key ID', AK);
      await answerInput(vs, 'Secret access key', SK);
      await answerInput(vs, 'Session token', '');
      await toast(vs, 'stored in VS Code secret storage');
      await vs.runCommand('Notifications: Clear All Notifications');

      step('plan');
      await vs.runCommand('Alert Config: Plan Sync');
      const view = await vs.waitFor(
        async () => (await vs.page.$$eval('.monaco-editor .view-lines', (els) => els.map((e) => (e as unknown as { innerText: string }).innerText.replace(/\u00a0/g, ' ')))).find((x) => x.includes('alertcfg-plan -->')),
        30_000,
        'the plan view',
      );
      t.diagnostic(`plan view: ${JSON.stringify(view.split('\n').slice(0, 6))}`);
      // The view wraps long lines: joined again, the summary and the table row read whole.
      const unwrapped = view.replace(/\n/g, '');
      assert.ok(unwrapped.includes('**1 to create, 0 to update, 0 to delete** · 0 unchanged · 0 unmanaged'), view);
      assert.ok(unwrapped.includes('create | Contact | <code>ops</code> | <code>ops.yaml:1</code> |'), view);
      assert.ok(await vs.page.locator('.tabs-container .tab', { hasText: 'Plan workspace' }).first().isVisible(), 'the plan view has its tab');
      await vs.waitFor(async () => (await lensTexts(vs)).includes('would create'), 20_000, 'the "would create" lens');
      await vs.screenshot('plan-view');
      assert.equal(vc.writes.length, 0, 'a plan writes nothing');

      step('apply');
      await vs.page.locator('.tabs-container .tab', { hasText: 'ops.yaml' }).first().click();
      await vs.runCommand('Alert Config: Apply');
      const dialog = vs.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: 30_000 });
      const question = (await dialog.innerText()).replace(/\s+/g, ' ');
      t.diagnostic(`modal: ${question}`);
      assert.ok(question.includes(`Apply 1 change (1 to create) on ${host}?`), question);
      await vs.screenshot('apply-confirm');
      await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
      const done = await toast(vs, 'Applied: 1 done (1 write requests).');
      t.diagnostic(`toast: ${done}`);
      assert.deepEqual(vc.writes.map((w) => w.action), ['CreateContact']);
      await vs.waitFor(async () => (await vs.toasts()).every((x) => !x.includes('Applying')), 10_000, 'the progress notification to close');
      await vs.waitFor(async () => (await lensTexts(vs)).includes('in sync'), 20_000, 'the "in sync" lens');
      await vs.screenshot('apply-done');
      assert.ok(!(await vs.toasts()).some((x) => x.includes(SK)), 'no secret in a toast');
    });
  } finally {
    await vc.close();
  }
});
