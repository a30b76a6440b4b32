/**
 * The shipped extension bundle (`dist/extension.js`, built by `npm run build`)
 * activated under plain node with `vscode` stubbed, its "Alert Config" channel at
 * the Trace log level and `alertcfg.trace.server` set: it starts the real language
 * server, which asks for secrets and credentials to build a preview. The answers
 * to `alertcfg/getSecrets` and `alertcfg/getCredentials` are in the trace, every
 * value masked, and no form of any secret reaches the channel.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../../lsp/harness';
import { ALL_VALUES, CREDENTIALS, RecordingChannel, SECRETS, assertNoSecret, type Written } from './trace-fixtures';
import { fakeExtensionContext, installVscodeStub, type StubState } from './vscode-stub';

interface AlertConfigApi {
  serverState(): string;
  execute<R>(command: string, ...args: unknown[]): Promise<R | undefined>;
  storeSecret(name: string, value: string): Promise<void>;
}
interface Extension {
  activate(context: unknown): Promise<AlertConfigApi>;
}

const TOKEN = 'traceAccessToken0021';
/** Every value stored, by the name the fixture refers to. */
const STORED: Record<string, string> = { ...SECRETS, token: TOKEN };

const FIXTURE = [
  'apiVersion: alertcfg/v1',
  'kind: Contact',
  'metadata:',
  '  name: trace',
  'target:',
  '  region: cn-beijing',
  'spec:',
  '  Name: trace',
  '  DingTalkBotWebhook:',
  '    Address: https://oapi.dingtalk.com/robot/send?access_token=${secret:token}',
  '    SecretKey: ${secret:dingtalk}',
  '  LarkBotWebhook:',
  '    Address: https://open.feishu.cn/open-apis/bot/v2/hook/${secret:multiLine}',
  '    SecretKey: ${secret:quoted}',
  '  WeComBotWebhook:',
  '    Address: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret:short}',
  '  Webhook:',
  '    Address: https://alerts.example.com/hooks/vmp',
  '    Token: ${secret:unicode}',
  '',
].join('\n');

const state: StubState = { channel: new RecordingChannel(), traceServer: 'verbose', folder: '' };
let uninstall: () => void;
let extension: Extension;
let file: string;

before(() => {
  state.folder = mkdtempSync(join(tmpdir(), 'alertcfg-trace-'));
  file = join(state.folder, 'trace.yaml');
  writeFileSync(file, FIXTURE);
  uninstall = installVscodeStub(state, REPO);
  extension = require(join(REPO, 'dist', 'extension.js')) as Extension;
});

after(() => {
  uninstall();
  rmSync(state.folder, { recursive: true, force: true });
});

/** The results of the client's answers to `method`, from the trace in either format. */
function tracedAnswers(written: Written[], method: string): unknown[] {
  const traces = written.filter((w) => w.method === 'trace').map((w) => w.text);
  const text = traces.filter((t) => t.startsWith(`Sending response '${method} - (`)).map((t) => (t.includes('\nResult: ') ? JSON.parse(t.slice(t.indexOf('\nResult: ') + 9)) : null));
  const json = traces.filter((t) => t.startsWith('{')).map((t) => JSON.parse(t) as { type: string; message: { id: number; method?: string; result?: unknown } });
  const ids = new Set(json.filter((m) => m.type === 'receive-request' && m.message.method === method).map((m) => m.message.id));
  return [...text, ...json.filter((m) => m.type === 'send-response' && ids.has(m.message.id)).map((m) => m.message.result ?? null)];
}

async function previewWithTrace(traceServer: unknown): Promise<RecordingChannel> {
  const visible = new RecordingChannel();
  state.channel = visible;
  state.traceServer = traceServer;
  const { context, storage, dispose } = fakeExtensionContext(REPO);
  const api = await extension.activate(context);
  try {
    for (const [name, value] of Object.entries(STORED)) await api.storeSecret(name, value);
    for (const [provider, c] of Object.entries(CREDENTIALS)) storage.set(`alertcfg.credentials.${provider}`, JSON.stringify(c));
    const preview = await api.execute<{ requests: unknown[] }>('alertcfg.preview', { uri: `file://${file}`, documentIndex: 0, action: 'send', channel: 'dingtalk' });
    assert.ok(preview && preview.requests.length > 0, 'the server built the preview');
  } finally {
    dispose();
    // The server is stopped asynchronously on dispose; wait for it so that no process outlives the test.
    for (let i = 0; i < 500 && api.serverState() !== 'stopped'; i++) await new Promise((r) => setTimeout(r, 20));
  }
  return visible;
}

describe('the extension bundle with the trace on', () => {
  for (const [label, traceServer] of [
    ['verbose', 'verbose'],
    ['verbose, JSON format', { verbosity: 'verbose', format: 'json' }],
  ] as const) {
    test(`${label}: the secret answers are traced, masked, and no secret reaches the channel`, async () => {
      const visible = await previewWithTrace(traceServer);
      for (const [i, w] of visible.written.entries()) assertNoSecret(`write ${i} (${w.method})`, w.text, [...ALL_VALUES, TOKEN]);

      const secrets = tracedAnswers(visible.written, 'alertcfg/getSecrets') as { values: Record<string, string | null> }[];
      assert.equal(secrets.length, 1, 'one answer to getSecrets');
      assert.deepEqual(Object.keys(secrets[0]!.values).sort(), Object.keys(STORED).sort());
      for (const [name, v] of Object.entries(secrets[0]!.values)) assert.match(String(v), /\*\*\*\*/, `${name} masked: ${v}`);

      const credentials = tracedAnswers(visible.written, 'alertcfg/getCredentials').filter((c): c is Record<string, string> => c !== null);
      assert.equal(credentials.length, 2, 'huawei and volcengine answered (zstack has none)');
      for (const c of credentials) for (const [k, v] of Object.entries(c)) assert.match(v, /\*\*\*\*/, `${k} masked: ${v}`);
    });
  }
});
