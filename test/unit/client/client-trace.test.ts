/**
 * The real vscode-languageclient tracing a real JSON-RPC connection: a client
 * (BaseLanguageClient over in-memory streams, `vscode` stubbed) answers a scripted
 * server's `alertcfg/storeSecret`, `alertcfg/getSecrets` and `alertcfg/getCredentials`
 * from the real SecretStore, and receives a `window/logMessage` naming a secret.
 * Written to the visible channel directly, as before, the trace shows the secrets;
 * through the masking channel, in every trace format, no form of them shows.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as LanguageClientModule from 'vscode-languageclient/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type * as vscode from 'vscode';
import { ClientRequest } from '../../../server/src/protocol/index';
import type { SecretStore as SecretStoreClass } from '../../../client/src/secrets';
import { MaskingLogChannel } from '../../../client/src/trace-channel';
import { TraceMasker } from '../../../client/src/trace-mask';
import { REPO } from '../../lsp/harness';
import { ALL_VALUES, CREDENTIALS, RecordingChannel, SECRETS, assertNoSecret } from './trace-fixtures';
import { fakeExtensionContext, installVscodeStub, type StubState } from './vscode-stub';

/** The literal a quick fix moves into secret storage: the server sends it in `alertcfg/storeSecret`. */
const MOVED = 'movedPlaintextSecret0020';

const state: StubState = { channel: new RecordingChannel(), traceServer: 'verbose', folder: '' };
let uninstall: () => void;
let lc: typeof LanguageClientModule;
let SecretStore: typeof SecretStoreClass;

before(() => {
  state.folder = mkdtempSync(join(tmpdir(), 'alertcfg-trace-'));
  uninstall = installVscodeStub(state, REPO);
  // Loaded once the stub answers `require('vscode')`.
  lc = require('vscode-languageclient/node') as typeof LanguageClientModule;
  SecretStore = (require('../../../client/src/secrets') as { SecretStore: typeof SecretStoreClass }).SecretStore;
});

after(() => {
  uninstall();
  rmSync(state.folder, { recursive: true, force: true });
});

/** Runs the scripted session; returns what reached the visible channel. */
async function session(traceServer: unknown, masked: boolean): Promise<RecordingChannel> {
  const visible = new RecordingChannel();
  state.traceServer = traceServer;
  const masker = new TraceMasker();
  const { context, storage } = fakeExtensionContext(REPO);
  const store = new SecretStore(context, masker);
  for (const [name, value] of Object.entries(SECRETS)) await store.set(name, value);
  for (const [provider, c] of Object.entries(CREDENTIALS)) storage.set(`alertcfg.credentials.${provider}`, JSON.stringify(c));

  const toClient = new PassThrough();
  const toServer = new PassThrough();
  class InMemoryClient extends lc.BaseLanguageClient {
    protected override async createMessageTransports(): Promise<LanguageClientModule.MessageTransports> {
      return { reader: new lc.StreamMessageReader(toClient), writer: new lc.StreamMessageWriter(toServer) };
    }
  }
  const channel: vscode.LogOutputChannel = masked ? new MaskingLogChannel(visible, masker) : visible;
  // As client/src/language-client.ts creates and wires it.
  const client = new InMemoryClient('alertcfg', 'Alert Config', { outputChannel: channel, traceOutputChannel: channel });
  client.onRequest(ClientRequest.getSecrets, (p) => store.handleGetSecrets(p));
  client.onRequest(ClientRequest.storeSecret, (p) => store.handleStoreSecret(p));
  client.onRequest(ClientRequest.getCredentials, (p) => store.handleGetCredentials(p));

  const server = createMessageConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  server.onRequest('initialize', () => ({ capabilities: {} }));
  server.onRequest('shutdown', () => null);
  server.onNotification(() => undefined);
  server.listen();
  try {
    await client.start();
    assert.deepEqual(await server.sendRequest(ClientRequest.storeSecret, { name: 'moved', value: MOVED }), { stored: true });
    const got = await server.sendRequest<{ values: Record<string, string | null> }>(ClientRequest.getSecrets, { names: [...Object.keys(SECRETS), 'unset'] });
    assert.equal(got.values['dingtalk'], SECRETS.dingtalk, 'the server gets the real value');
    for (const provider of ['huawei', 'volcengine', 'zstack']) await server.sendRequest(ClientRequest.getCredentials, { provider });
    await server.sendNotification('window/logMessage', { type: 3, message: `signed with ${SECRETS.dingtalk}` });
    // Answered after the notification was handled: messages are handled in order.
    await server.sendRequest(ClientRequest.getSecrets, { names: [] });
  } finally {
    await client.stop();
    server.dispose();
  }
  return visible;
}

describe('vscode-languageclient tracing the secret requests', () => {
  test('written to the visible channel directly, the trace shows them (what the masking is for)', async () => {
    const text = (await session('verbose', false)).text();
    assert.match(text, /Sending response 'alertcfg\/getSecrets - \(\d+\)'/);
    assert.ok(text.includes(JSON.stringify(SECRETS.dingtalk)), 'a secret in the answer to getSecrets');
    assert.ok(text.includes(JSON.stringify(CREDENTIALS.huawei.sk)), 'a credential in the answer to getCredentials');
    assert.ok(text.includes(JSON.stringify(MOVED)), 'the literal in storeSecret');
  });

  for (const [label, traceServer] of [
    ['verbose', 'verbose'],
    ['compact', 'compact'],
    ['messages', 'messages'],
    ['verbose, JSON format', { verbosity: 'verbose', format: 'json' }],
  ] as const) {
    test(`through the masking channel (${label}): no secret, credential or moved literal shows`, async () => {
      const visible = await session(traceServer, true);
      for (const [i, w] of visible.written.entries()) assertNoSecret(`write ${i} (${w.method})`, w.text, [...ALL_VALUES, MOVED]);
      const text = visible.text();
      // The trace was on and covered the secret requests, and the log message arrived.
      assert.match(text, /alertcfg\/getSecrets/);
      assert.match(text, /alertcfg\/getCredentials/);
      assert.match(text, /alertcfg\/storeSecret/);
      assert.ok(visible.written.some((w) => w.method === 'info' && w.text === 'signed with SEC****ef'), 'the log message, masked');
      const traces = visible.written.filter((w) => w.method === 'trace').map((w) => w.text);
      if (label === 'verbose, JSON format') assert.ok(traces.every((t) => typeof JSON.parse(t) === 'object'), 'JSON trace entries');
      // Beyond `messages`, the answer to getSecrets is traced with its values, masked.
      if (label !== 'messages') assert.ok(traces.some((t) => t.includes('"dingtalk":') && t.includes('SEC****ef')), 'the answer to getSecrets, masked');
      else assert.ok(!traces.some((t) => t.includes('"dingtalk":')), 'messages: no values traced');
    });
  }
});
