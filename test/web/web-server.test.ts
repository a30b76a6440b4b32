/**
 * The language server's web bundle (dist/web/server.js) in headless Chromium, as a
 * Worker talking LSP over postMessage, with the workspace served by the page
 * (worker-page.ts) under a github.dev-style `vscode-vfs:` root: diagnostics with
 * their codes and ranges, `.alertcfg.yaml` read through the client, a cross-file
 * Conflict.Name found in a file that is not open, hover and completion, on the
 * project's example files; the same answers as the Node build (dist/server.js) for
 * the same workspace; and, with both clocks fixed at one instant, previews and
 * runnable curl commands byte for byte equal to the Node build's, signatures
 * included (the browser signs with the engine's own SHA-256/HMAC, Node with
 * node:crypto). Sending is refused with the reason.
 *
 * Needs Chromium and playwright-core (bash scripts/e2e/ci-setup.sh); skips without
 * them, fails without them under ALERTCFG_E2E_REQUIRE=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { type LspClient, brief, startServer } from '../lsp/harness';
import { BROKEN_CONTACT_YAML } from '../helpers/resources';
import { repoRoot } from '../helpers/repo';
import { fixedClockScript } from './fixed-clock';
import { WebLsp, skipUnlessWebReady, webPrerequisites } from './worker-page';

const pre = webPrerequisites();
if (!pre.ok) console.log(`# web worker tests ${process.env.ALERTCFG_E2E_REQUIRE === '1' ? 'failing (ALERTCFG_E2E_REQUIRE=1)' : 'skipped'}: ${pre.reason}`);

/** 2025-05-20 08:00:00 UTC, on both servers' clocks. */
const NOW = Date.UTC(2025, 4, 20, 8, 0, 0);
const ROOT = 'vscode-vfs://github/alertcfg/demo';
const example = (rel: string) => readFileSync(join(repoRoot(), 'examples', rel), 'utf8');
const ONCALL = example('contacts/sre-oncall.yaml');

const FILES: Record<string, string> = {
  '.alertcfg.yaml': 'rules:\n  unknown-property: error\n',
  'broken.yaml': BROKEN_CONTACT_YAML,
  'contacts/sre-oncall.yaml': ONCALL,
  // Not opened: its Name is found through the workspace index, read through the client.
  'contacts/sre-oncall-backup.yaml': ONCALL.replace('name: sre-oncall', 'name: sre-oncall-backup'),
  'huawei/key-operations.yaml': example('huawei/key-operations.yaml'),
};
const NEW_CONTACT = 'apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: new\nspec:\n  Name: new\n  \n';
const SECRETS: Record<string, string> = {
  'sre-dingtalk-secret': 'SECd7a4b1c09e8f2a3b4c5d6e7f8091a2b3c4d5e6f7',
  'sre-lark-hook': '8c2f4e1a-77d5-4b0e-9c3a-6f1d2e3b4a5c',
  'sre-lark-secret': 'larkSecretQ2w3E4r5T6y7',
  'sre-wecom-key': '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
  'sre-webhook-token': 'webhookTokenZ9x8C7v6',
};
const CREDENTIALS: Record<string, Record<string, string>> = {
  huawei: { ak: 'HWAK0123456789ABCDEF', sk: 'hwSecretKey0123456789abcdefghijklmnopqrs' },
  volcengine: { accessKeyId: 'AKLTvolcengine0123456789', secretAccessKey: 'volcSecretKey0123456789abcdefghij' },
};
const INIT = { secretStorage: true, ruleLinks: 'command' };

let web: WebLsp | undefined;
let node: LspClient | undefined;
let preload = '';
const webUri = (rel: string) => `${ROOT}/${rel}`;

/** The Node build's answers to the same requests, with its file URIs written as the web workspace's. */
function asWeb<T>(value: T): T {
  const root = node!.uri('');
  return JSON.parse(JSON.stringify(value).split(root.endsWith('/') ? root : `${root}/`).join(`${ROOT}/`)) as T;
}

before(async () => {
  if (!pre.ok) return;
  web = await WebLsp.start({ files: Object.fromEntries(Object.entries(FILES).map(([rel, text]) => [webUri(rel), text])), settings: {}, secrets: SECRETS, credentials: CREDENTIALS, fixedTime: NOW });
  const init = await web.request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>('initialize', {
    processId: null,
    rootUri: ROOT,
    workspaceFolders: [{ uri: ROOT, name: 'demo' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: { relatedInformation: true } } },
    initializationOptions: INIT,
  });
  assert.equal(init.serverInfo.name, 'alertcfg-language-server');
  await web.notify('initialized', {});

  // The Node build, on the same files on disk, its clock fixed at the same instant.
  const dir = mkdtempSync(join(tmpdir(), 'alertcfg-web-clock-'));
  preload = join(dir, 'fixed-clock.js');
  writeFileSync(preload, fixedClockScript(NOW));
  const options = process.env['NODE_OPTIONS'];
  process.env['NODE_OPTIONS'] = `--require ${preload}`;
  try {
    node = await startServer({ files: FILES, initializationOptions: INIT, capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: { relatedInformation: true } } } });
  } finally {
    if (options === undefined) delete process.env['NODE_OPTIONS'];
    else process.env['NODE_OPTIONS'] = options;
  }
  node.conn.onRequest('alertcfg/getSecrets', (p: { names: string[] }) => ({ values: Object.fromEntries(p.names.map((n) => [n, SECRETS[n] ?? null])) }));
  node.conn.onRequest('alertcfg/getCredentials', (p: { provider: string }) => CREDENTIALS[p.provider] ?? null);
});

after(async () => {
  await web?.close();
  await node?.shutdown();
  if (preload) rmSync(join(preload, '..'), { recursive: true, force: true });
});

/** Opens a workspace file in both servers. */
async function open(rel: string, text = FILES[rel]!): Promise<void> {
  await web!.notify('textDocument/didOpen', { textDocument: { uri: webUri(rel), languageId: 'yaml', version: 1, text } });
  node!.open(rel, text);
}

async function bothDiagnostics(rel: string, ready: (d: Diagnostic[]) => boolean): Promise<{ web: Diagnostic[]; node: Diagnostic[] }> {
  const w = await web!.diagnostics<Diagnostic>(webUri(rel), ready);
  const n = await node!.diagnostics(node!.uri(rel), (p) => ready(p.diagnostics), 15_000);
  return { web: w, node: asWeb(n.diagnostics) };
}

describe('the web worker build in Chromium', () => {
  test('diagnostics: codes, ranges and severities (.alertcfg.yaml read through the client), as the Node build gives them', async (t) => {
    if (skipUnlessWebReady(t, pre)) return;
    await open('broken.yaml');
    const d = await bothDiagnostics('broken.yaml', (list) => list.length >= 3);
    assert.deepEqual(d.web.map(brief), ['MissingParameter.Name 5:1-5:5', 'unknown-property 6:3-6:8', 'insecure-url 8:14-8:49']);
    // unknown-property is a warning by default; the workspace's .alertcfg.yaml makes it an error.
    assert.deepEqual(d.web.map((x) => x.severity), [1, 1, 2]);
    assert.deepEqual(d.web, d.node);
  });

  test('a Name shared with a file that is not open: Conflict.Name, the other file (read through the client) as related information', async (t) => {
    if (skipUnlessWebReady(t, pre)) return;
    await open('contacts/sre-oncall.yaml');
    const d = await bothDiagnostics('contacts/sre-oncall.yaml', (list) => list.some((x) => x.code === 'Conflict.Name'));
    const conflict = d.web.find((x) => x.code === 'Conflict.Name')!;
    assert.equal(brief(conflict), 'Conflict.Name 12:9-12:19');
    assert.deepEqual(conflict.relatedInformation, [{ location: { uri: webUri('contacts/sre-oncall-backup.yaml'), range: { start: { line: 11, character: 8 }, end: { line: 11, character: 18 } } }, message: 'also declared here' }]);
    assert.deepEqual(d.web, d.node);
    const asked = (await web!.state()).asked;
    for (const m of ['alertcfg/findFiles', 'alertcfg/readFile', 'alertcfg/stat']) assert.ok(asked.includes(m), `the server asked the page for ${m}: ${JSON.stringify([...new Set(asked)])}`);
  });

  test('hover and completion on the example file, as the Node build answers', async (t) => {
    if (skipUnlessWebReady(t, pre)) return;
    const at = { textDocument: { uri: webUri('contacts/sre-oncall.yaml') }, position: { line: 11, character: 3 } };
    const hover = await web!.request<Hover>('textDocument/hover', at);
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /^\*\*Name\*\* · `string` · required\n/);
    assert.match(text, /A name already taken by an existing contact is refused with `Conflict\.Name`/);
    assert.deepEqual(hover, asWeb(await node!.request<Hover>('textDocument/hover', { ...at, textDocument: { uri: node!.uri('contacts/sre-oncall.yaml') } })));

    await open('contacts/new.yaml', NEW_CONTACT);
    const where = { textDocument: { uri: webUri('contacts/new.yaml') }, position: { line: 6, character: 2 } };
    const list = await web!.request<CompletionList | CompletionItem[]>('textDocument/completion', where);
    const labels = (Array.isArray(list) ? list : list.items).map((i) => i.label);
    for (const l of ['Email', 'DingTalkBotWebhook', 'LarkBotWebhook', 'WeComBotWebhook', 'Webhook']) assert.ok(labels.includes(l), `completion offers ${l}: ${labels.join(', ')}`);
    assert.ok(!labels.includes('Name'), 'Name is already there');
    assert.deepEqual(list, asWeb(await node!.request('textDocument/completion', { ...where, textDocument: { uri: node!.uri('contacts/new.yaml') } })));
  });

  test('previews and runnable curl at a fixed time: byte for byte the Node build\'s, signatures included', async (t) => {
    if (skipUnlessWebReady(t, pre)) return;
    await open('huawei/key-operations.yaml');
    const cases = [
      { rel: 'contacts/sre-oncall.yaml', action: 'send', channel: 'dingtalk', signed: /&sign=[A-Za-z0-9%]{40,}/ },
      // The hook's secret is read from the variable the CLI reads it from, not written out.
      { rel: 'contacts/sre-oncall.yaml', action: 'send', channel: 'lark', signed: /hook\/'"\$ALERTCFG_SECRET_SRE_LARK_HOOK" .*"sign":"[A-Za-z0-9+/]{43}="/ },
      { rel: 'contacts/sre-oncall.yaml', action: 'apply', signed: /Signature=[0-9a-f]{64}/ },
      { rel: 'huawei/key-operations.yaml', action: 'apply', signed: /Signature=[0-9a-f]{64}/ },
    ];
    for (const c of cases) {
      const args = (uri: string) => [{ uri, documentIndex: 0, action: c.action, ...(c.channel ? { channel: c.channel } : {}) }];
      const label = `${c.rel} ${c.action}${c.channel ? ` ${c.channel}` : ''}`;
      for (const command of ['alertcfg.preview', 'alertcfg.curl']) {
        const w = await web!.request('workspace/executeCommand', { command, arguments: args(webUri(c.rel)) });
        const n = asWeb(await node!.request('workspace/executeCommand', { command, arguments: args(node!.uri(c.rel)) }));
        assert.deepEqual(w, n, `${command} of ${label}`);
      }
      const { commands } = await web!.request<{ commands: string[] }>('workspace/executeCommand', { command: 'alertcfg.curl', arguments: args(webUri(c.rel)) });
      assert.equal(commands.length, 1, label);
      assert.match(commands[0]!, c.signed, `${label} is signed in full`);
      for (const secret of [...Object.values(SECRETS), CREDENTIALS['huawei']!['sk']!, CREDENTIALS['volcengine']!['secretAccessKey']!]) assert.ok(!commands[0]!.includes(secret), `${label}: no secret in the command`);
    }
    // DingTalk's signature, worked out here with node:crypto: HMAC-SHA256 of "<timestamp>\n<secret>", base64, URL-encoded.
    const secret = SECRETS['sre-dingtalk-secret']!;
    const sign = encodeURIComponent(createHmac('sha256', secret).update(`${NOW}\n${secret}`).digest('base64'));
    const { commands } = await web!.request<{ commands: string[] }>('workspace/executeCommand', { command: 'alertcfg.curl', arguments: [{ uri: webUri('contacts/sre-oncall.yaml'), documentIndex: 0, action: 'send', channel: 'dingtalk' }] });
    assert.ok(commands[0]!.includes(`&timestamp=${NOW}&sign=${sign}`), commands[0]);
  });

  test('sending is refused: the browser cannot make the cross-origin call', async (t) => {
    if (skipUnlessWebReady(t, pre)) return;
    const r = await web!.request<{ success: boolean; problems: string[]; reports: unknown[] }>('workspace/executeCommand', { command: 'alertcfg.send', arguments: [{ uri: webUri('contacts/sre-oncall.yaml'), documentIndex: 0, channel: 'dingtalk' }] });
    assert.equal(r.success, false);
    assert.deepEqual(r.reports, []);
    assert.match(r.problems.join(' '), /needs VS Code desktop or the alertcfg CLI: a browser blocks these cross-origin calls/);
    assert.deepEqual(web!.errors, [], 'no error in the page');
  });

  test('GitOps sync is refused: plan, apply and import read or change the cloud', async (t) => {
    if (skipUnlessWebReady(t, pre)) return;
    const sentence = /GitOps sync reads and changes the cloud, which needs VS Code desktop or the alertcfg CLI/;
    const plan = await web!.request<{ ok: boolean; problems: string[] }>('workspace/executeCommand', { command: 'alertcfg.plan', arguments: [{}] });
    assert.equal(plan.ok, false);
    assert.match(plan.problems.join(' '), sentence);
    const apply = await web!.request<{ writes: number; plan: { problems: string[] } }>('workspace/executeCommand', { command: 'alertcfg.apply', arguments: [{ uri: webUri('contacts/sre-oncall.yaml'), documentIndex: 0 }] });
    assert.equal(apply.writes, 0);
    assert.match(apply.plan.problems.join(' '), sentence);
    const imported = await web!.request<{ ok: boolean; problems: string[] }>('workspace/executeCommand', { command: 'alertcfg.import', arguments: [{ kind: 'Contact', region: 'cn-beijing', folder: webUri('contacts') }] });
    assert.equal(imported.ok, false);
    assert.match(imported.problems.join(' '), sentence);
    assert.deepEqual(web!.errors, [], 'no error in the page');
  });
});
