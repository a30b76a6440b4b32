/**
 * The secret audit, for the output paths test/unit/actions/secret-leak.test.ts does
 * not cover (that one: every action's plan, preview, curl, delivery report and CLI
 * action output against stand-ins that echo the request back):
 *
 * - `alertcfg validate` in every format (text, json, sarif, github) on files that
 *   hold secrets literally (a token in a bot URL's `access_token=` / `key=` / Lark
 *   hook path, a SecretKey, a webhook Token, a bare WeCom key, a ZStack secret);
 * - `alertcfg preview` of those files: tokens in URLs are masked by their place;
 * - the language server: diagnostics (messages, data, related information), hovers
 *   on every character of every secret, completion, code actions (titles and
 *   commands; an edit writes into the user's own file and is not output: the raw
 *   stream is searched for the secrets that do not come from the files), and the
 *   preview and every network action with secrets and credentials from the client's
 *   secret storage, against stand-ins that echo the request back and against a
 *   closed port; with tracing asked at the most verbose level, the whole byte stream
 *   the server writes (every response, notification and log) and its stderr are
 *   searched.
 *
 * None may show a secret, nor its URL-encoded or JSON-escaped form.
 */
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { makeRepo as tempRepo, runCli } from '../cli/run-cli';
import { type LspClient, positionAt, startServer as startLsp } from '../lsp/harness';
import { type Received, startServer, type StandIn, type VendorAnswer, json } from '../standins/server';
import { ALL_SECRETS, CREDENTIALS, SECRETS, alarm, contact, events, keyOperations, zstack } from './plans';

/** Secrets written literally in files. */
const LITERAL = {
  dingtalkToken: 'litDingTalkToken1234abcdef',
  dingtalkSecret: 'SEClitDingTalkSecret5678abcdef',
  larkHook: 'lit-lark-hook-token-9012-abcdef',
  larkSecret: 'litLarkSecret3456abcdef',
  wecomKey: 'lit-wecom-key-7890-abcdef',
  webhookToken: 'litWebhookToken1234abcdef',
  bareWecomKey: '693a91f6-7a1b-4bc4-97a0-0ec2a1fa5aab',
  zstackSecret: 'SEClitZStackSecret5678abcdef',
};

function forms(v: string): string[] {
  return [...new Set([v, encodeURIComponent(v), JSON.stringify(v).slice(1, -1)])];
}

const SECRET_FORMS = [...Object.values(LITERAL), ...ALL_SECRETS].flatMap(forms);

/** The secrets that come from the client's secret storage, the environment and credentials: never in anything the server writes. */
const CLIENT_SECRET_FORMS = ALL_SECRETS.flatMap(forms);

let checks = 0;
function assertClean(where: string, text: string, list: readonly string[] = SECRET_FORMS): void {
  checks++;
  for (const f of list) {
    const at = text.indexOf(f);
    assert.ok(at < 0, `${where}: a secret appears: …${text.slice(Math.max(0, at - 80), at + f.length + 20)}…`);
  }
}

const LITERAL_CONTACT = `apiVersion: alertcfg/v1
kind: Contact
metadata:
  name: leaky
target:
  region: cn-beijing
spec:
  Name: leaky
  Email: leaky@example.com
  DingTalkBotWebhook:
    Address: https://oapi.dingtalk.com/robot/send?access_token=${LITERAL.dingtalkToken}
    SecretKey: ${LITERAL.dingtalkSecret}
  LarkBotWebhook:
    Address: https://open.feishu.cn/open-apis/bot/v2/hook/${LITERAL.larkHook}
    SecretKey: ${LITERAL.larkSecret}
  WeComBotWebhook:
    Address: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${LITERAL.wecomKey}
  Webhook:
    Address: https://hooks.example.com/vmp
    Token: ${LITERAL.webhookToken}
`;
const BARE_WECOM = `apiVersion: alertcfg/v1
kind: Contact
metadata:
  name: bare
spec:
  Name: bare
  WeComBotWebhook:
    Address: ${LITERAL.bareWecomKey}
`;
const LITERAL_ZSTACK = `apiVersion: alertcfg/v1
kind: DingTalkTestConnection
metadata:
  name: ops
spec:
  params:
    testMsg: "test @13800000000"
    url: https://oapi.dingtalk.com/robot/send?access_token=${LITERAL.dingtalkToken}
    secret: ${LITERAL.zstackSecret}
    atPersonPhoneNumbers: ["13800000000"]
`;
/** The same secrets in a JSON raw body (a $schema association), and with a type error on a secret field. */
const LITERAL_JSON = `{
  "$schema": "contact.schema.json",
  "Name": "raw",
  "DingTalkBotWebhook": {"Address": "https://oapi.dingtalk.com/robot/send?access_token=${LITERAL.dingtalkToken}", "SecretKey": "${LITERAL.dingtalkSecret}"},
  "Webhook": {"Address": "https://hooks.example.com/x", "Token": ["${LITERAL.webhookToken}"]}
}
`;

describe('alertcfg validate and preview never print a secret written in a file', () => {
  let dir: string;
  before(() => {
    dir = tempRepo({ 'contact.yaml': LITERAL_CONTACT, 'bare.yaml': BARE_WECOM, 'zstack.yaml': LITERAL_ZSTACK, 'raw/contact.json': LITERAL_JSON });
  });

  for (const format of ['text', 'json', 'sarif', 'github']) {
    test(`validate --format ${format}`, () => {
      const r = runCli(['validate', '--format', format], dir);
      assert.equal(r.status, 1, r.stderr);
      // The findings are there (the secrets were found), only the values are not.
      assert.match(r.stdout, /secret-in-plaintext/);
      assert.match(r.stdout, /wecom-bare-key/);
      assertClean(`validate ${format}: stdout`, r.stdout);
      assertClean(`validate ${format}: stderr`, r.stderr);
    });
  }

  test('preview (text, --curl, --json) masks tokens in URLs by their place, and the literal secrets', () => {
    for (const [file, extra] of [['contact.yaml', ['--channel', 'dingtalk']], ['contact.yaml', ['--channel', 'lark']], ['contact.yaml', ['--channel', 'wecom']], ['contact.yaml', ['--channel', 'webhook']], ['zstack.yaml', []]] as const) {
      for (const mode of [[], ['--curl'], ['--json']]) {
        const r = runCli(['preview', file, '--action', 'send', ...extra, ...mode], dir);
        assert.equal(r.status, 0, `${file} ${extra.join(' ')} ${mode.join(' ')}: ${r.stderr}`);
        assert.match(r.stdout, /\*\*\*\*/, 'something is masked');
        assertClean(`preview ${file} ${extra.join(' ')} ${mode.join(' ')}`, r.stdout + r.stderr);
      }
    }
  });
});

describe('the language server never shows a secret', () => {
  let c: LspClient;
  let raw = '';
  const stands: StandIn[] = [];
  let closed = '';

  /** Answers with an error that carries the whole request back: URL, headers and body. */
  function echo(req: Received): VendorAnswer {
    const e = `${req.method} ${req.rawUrl} ${JSON.stringify(req.headers)} ${req.text}`;
    if (req.url.pathname === '/robot/send') return json(200, { errcode: 310000, errmsg: `sign not match: ${e}` }, 'echo');
    if (req.url.pathname.includes('/hook/')) return json(200, { code: 19021, msg: e }, 'echo');
    if (req.url.pathname.includes('/webhook/send')) return json(200, { errcode: 93000, errmsg: e }, 'echo');
    if (req.url.pathname.startsWith('/zstack/')) return json(200, { success: false, connected: false, error: { code: 'SYS.1000', description: e, details: e } }, 'echo');
    if (req.url.searchParams.has('Action')) return json(401, { ResponseMetadata: { Error: { Code: 'SignatureDoesNotMatch', Message: e } } }, 'echo');
    if (req.url.pathname.startsWith('/tencent')) return json(200, { sessionId: e, retCode: 1 }, 'echo');
    return json(401, { error_code: 'APIG.0301', error_msg: e }, 'echo');
  }

  before(async () => {
    const s = await startServer(echo);
    stands.push(s);
    const port = await new Promise<number>((r) => {
      const srv = http.createServer();
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as AddressInfo).port;
        srv.close(() => r(p));
      });
    });
    closed = `http://127.0.0.1:${port}`;
    // `${env:...}` comes from the server's own environment.
    process.env['DINGTALK_TOKEN'] = SECRETS['DINGTALK_TOKEN'];
    c = await startLsp({ initializationOptions: { trusted: true, secretStorage: true }, secretNames: Object.keys(SECRETS) });
    c.proc.stdout!.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    // The client's secret storage and credentials, as the VS Code extension answers them.
    c.conn.onRequest('alertcfg/getSecrets', (p: { names: string[] }) => ({ values: Object.fromEntries(p.names.map((n) => [n, SECRETS[n] ?? null])) }));
    c.conn.onRequest('alertcfg/getCredentials', (p: { provider: string }): Record<string, string> =>
      p.provider === 'huawei' ? { ak: CREDENTIALS.huaweiAk, sk: CREDENTIALS.huaweiSk } : p.provider === 'volcengine' ? { accessKeyId: CREDENTIALS.volcAk, secretAccessKey: CREDENTIALS.volcSk } : { session: CREDENTIALS.zstack },
    );
    c.notify('$/setTrace', { value: 'verbose' });
  });
  after(async () => {
    await c.shutdown();
    await Promise.all(stands.map((s) => s.close()));
  });

  test('diagnostics, hovers on every character of every secret, completion and code actions', async () => {
    for (const [name, text] of [['contact.yaml', LITERAL_CONTACT], ['bare.yaml', BARE_WECOM], ['zstack.yaml', LITERAL_ZSTACK], ['raw.json', LITERAL_JSON]] as const) {
      const uri = c.open(name, text);
      const p = await c.diagnostics(uri, (x) => x.diagnostics.length > 0);
      assert.ok(p.diagnostics.some((d) => d.code === 'secret-in-plaintext' || d.code === 'wecom-bare-key' || d.code === 'InvalidParameter.Webhook.Token'), `${name}: ${JSON.stringify(p.diagnostics.map((d) => d.code))}`);
      assertClean(`${name}: diagnostics`, JSON.stringify(p));
      for (const secret of Object.values(LITERAL)) {
        const at = text.indexOf(secret);
        if (at < 0) continue;
        for (let i = 0; i <= secret.length; i += 3) {
          const position = positionAt(text, at + i);
          const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
          assertClean(`${name}: hover at ${position.line}:${position.character}`, JSON.stringify(h));
        }
        const position = positionAt(text, at + 2);
        const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
        assertClean(`${name}: completion labels and docs`, JSON.stringify(list.items.map((i) => [i.label, i.detail, i.documentation])));
      }
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) }, context: { diagnostics: p.diagnostics as Diagnostic[] } });
      assertClean(`${name}: code action titles and commands`, JSON.stringify(actions.map((a) => [a.title, a.command, a.diagnostics])));
    }
  });

  test('preview and every network action with secrets and credentials from the client, against echoing stand-ins and a closed port', async () => {
    for (const base of [stands[0]!.url, closed]) {
      const files: [string, string, string, string?][] = [
        ['c.yaml', contact({ dingtalk: base, lark: base, wecom: base, webhook: base, volcengine: base }), 'alertcfg.send', 'dingtalk'],
        ['c.yaml', '', 'alertcfg.send', 'lark'],
        ['c.yaml', '', 'alertcfg.send', 'wecom'],
        ['c.yaml', '', 'alertcfg.send', 'webhook'],
        ['c.yaml', '', 'alertcfg.apply'],
        ['e.yaml', events({ huawei: base }), 'alertcfg.push'],
        ['e.yaml', '', 'alertcfg.clear'],
        ['k.yaml', keyOperations({ huawei: base }), 'alertcfg.apply'],
        ['z.yaml', zstack({ zstack: base, dingtalk: base }), 'alertcfg.send'],
        ['a.yaml', alarm({ tencent: base }), 'alertcfg.replay'],
      ];
      const tag = base === closed ? 'closed' : 'echo';
      // Against the closed port, one action per kind of request is enough (each waits out its retries).
      const which = base === closed ? files.filter((f) => f[1]) : files;
      for (const [file, text, command, channel] of which) {
        const name = `${tag}-${file}`;
        const uri = text ? c.open(name, text) : c.uri(name);
        const args = [{ uri, documentIndex: 0, ...(channel ? { channel } : {}) }];
        const preview = await c.request('workspace/executeCommand', { command: 'alertcfg.preview', arguments: [{ ...args[0], action: command.replace('alertcfg.', '') }] });
        assert.ok(JSON.stringify(preview).includes('****'), `${name}: the preview masks something`);
        assertClean(`${name} ${command} ${channel ?? ''}: preview`, JSON.stringify(preview));
        const result = await c.request<{ success: boolean; reports: unknown[]; problems: string[] }>('workspace/executeCommand', { command, arguments: args });
        // Apply converges (GitOps sync): it lists what the stand-in has, then writes what differs; whatever
        // the echo says, its answer is clean. The other actions fail against an echo or a closed port.
        if (command !== 'alertcfg.apply') {
          assert.equal(result.success, false, `${name} ${command}: ${JSON.stringify(result).slice(0, 300)}`);
          assert.deepEqual(result.problems, []);
        }
        assertClean(`${name} ${command} ${channel ?? ''}: result`, JSON.stringify(result));
      }
    }
    assert.ok(stands[0]!.requests.length >= 10, 'the stand-in heard every action');
  });

  test('the whole stream the server wrote, its logs and its stderr', async () => {
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(raw.length > 10_000, 'the stream was captured');
    // The secrets written in the files come back only where they belong: in quick-fix edits of those
    // same files (the WeCom URL around its bare key). Everything from storage or credentials: nowhere.
    assertClean('server → client stream', raw, CLIENT_SECRET_FORMS);
    assertClean('window/logMessage', JSON.stringify(c.logs));
    assertClean('stderr', c.stderr);
    assert.ok(checks > 100);
  });
});
