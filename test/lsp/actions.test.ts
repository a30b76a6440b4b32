import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { ActionResult, PreviewResult } from '../../server/src/protocol/index';
import { startDingTalk } from '../standins/dingtalk';
import type { StandIn } from '../standins/server';
import { type LspClient, lines, startServer } from './harness';

const SECRET = 'SECbf1a2c3d4e5f60718293a4b5c6d7e8f9';
const TOKEN = 'tok7f3e9d1c5b2a4e6f8d0c2b4a6e8f0d2c';

const exec = <R>(c: LspClient, command: string, ...args: unknown[]) => c.request<R>('workspace/executeCommand', { command, arguments: args });

function contact(url: string): string {
  return lines(
    'apiVersion: alertcfg/v1',
    'kind: Contact',
    'metadata:',
    '  name: sre',
    'spec:',
    '  Name: sre',
    '  DingTalkBotWebhook:',
    `    Address: ${url}/robot/send?access_token=\${secret:sre-token}`,
    '    SecretKey: ${secret:sre-dingtalk}',
    '    AtMobiles: ["13800000000"]',
    '  Webhook:',
    '    Address: https://alerts.example.com/hook',
  );
}

describe('preview and action commands over LSP', () => {
  let bot: StandIn;
  let c: LspClient;
  let secretsAsked: string[][] = [];

  before(async () => {
    bot = await startDingTalk({ accessToken: TOKEN, secret: SECRET });
    c = await startServer({ initializationOptions: { secretStorage: true, trusted: false }, secretNames: ['sre-token', 'sre-dingtalk'] });
    c.conn.onRequest('alertcfg/getSecrets', (p: { names: string[] }) => {
      secretsAsked.push(p.names);
      return { values: Object.fromEntries(p.names.map((n) => [n, n === 'sre-token' ? TOKEN : n === 'sre-dingtalk' ? SECRET : null])) };
    });
    c.conn.onRequest('alertcfg/getCredentials', () => null);
  });
  after(async () => {
    await c.shutdown();
    await bot.close();
  });

  test('preview shows the signed request with every secret masked, asking the client only for the secrets it names', async () => {
    const uri = c.open('contact.yaml', contact(bot.url));
    secretsAsked = [];
    const p = await exec<PreviewResult>(c, 'alertcfg.preview', { uri, documentIndex: 0, channel: 'dingtalk' });
    assert.deepEqual(p.problems, []);
    assert.equal(p.requests.length, 1);
    const r = p.requests[0]!;
    assert.equal(r.method, 'POST');
    assert.match(r.url, /^http:\/\/127\.0\.0\.1:\d+\/robot\/send\?access_token=tok\*\*\*\*2c&timestamp=\d{13}&sign=[^&]+$/);
    assert.deepEqual(secretsAsked, [['sre-token', 'sre-dingtalk']]);
    const everything = JSON.stringify(p);
    assert.ok(!everything.includes(TOKEN) && !everything.includes(SECRET), everything);
    assert.match(r.curl, /^curl -sS -X POST 'http:\/\/127\.0\.0\.1:/);
  });

  test('network actions are refused while the workspace is untrusted, and work once it is trusted', async () => {
    const uri = c.open('contact2.yaml', contact(bot.url));
    const before = bot.requests.length;
    const refused = await exec<ActionResult>(c, 'alertcfg.send', { uri, documentIndex: 0, channel: 'dingtalk' });
    assert.equal(refused.success, false);
    assert.match(refused.problems[0]!, /untrusted workspace/);
    assert.equal(bot.requests.length, before);

    c.notify('alertcfg/setTrusted', { trusted: true });
    const sent = await exec<ActionResult>(c, 'alertcfg.send', { uri, documentIndex: 0, channel: 'dingtalk', message: 'hello from the editor' });
    assert.equal(sent.success, true, JSON.stringify(sent));
    assert.equal(sent.reports[0]!.label, 'DingTalk test message');
    assert.deepEqual(sent.reports[0]!.webhookResp, { errcode: 0, errmsg: 'ok' });
    assert.equal(bot.requests.length, before + 1);
    assert.equal(bot.requests[bot.requests.length - 1]!.verdict, 'ok');
    assert.ok(JSON.parse(bot.requests[bot.requests.length - 1]!.body).text.content.startsWith('hello from the editor @13800000000'));
  });

  test('a wrong secret comes back as the 310000 failure with advice, and nothing leaks', async () => {
    c.notify('alertcfg/setTrusted', { trusted: true });
    const wrong = contact(bot.url).replace('${secret:sre-dingtalk}', '${secret:other}');
    c.conn.onRequest('alertcfg/getSecrets', (p: { names: string[] }) => ({ values: Object.fromEntries(p.names.map((n) => [n, n === 'sre-token' ? TOKEN : 'SECwrongwrongwrongwrongwrong'])) }));
    const uri = c.open('contact3.yaml', wrong);
    const r = await exec<ActionResult>(c, 'alertcfg.send', { uri, documentIndex: 0, channel: 'dingtalk' });
    assert.equal(r.success, false);
    assert.equal(r.reports[0]!.error!.code, '310000');
    assert.match(r.reports[0]!.error!.details, /signature/);
    assert.ok(!JSON.stringify(r).includes('SECwrongwrongwrongwrongwrong'));
  });

  test('an unresolved secret is a problem before anything is sent', async () => {
    c.notify('alertcfg/setTrusted', { trusted: true });
    c.conn.onRequest('alertcfg/getSecrets', (p: { names: string[] }) => ({ values: Object.fromEntries(p.names.map((n) => [n, null])) }));
    const uri = c.open('contact4.yaml', contact(bot.url));
    const before = bot.requests.length;
    const r = await exec<ActionResult>(c, 'alertcfg.send', { uri, documentIndex: 0 });
    assert.equal(r.success, false);
    assert.ok(r.problems.some((p) => p.includes('${secret:sre-token} is not set')), JSON.stringify(r.problems));
    assert.equal(bot.requests.length, before);
  });

  test('CodeLens offers Preview and a Send per channel above each resource', async () => {
    const uri = c.open('lens.yaml', contact(bot.url));
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => `${l.range.start.line}:${l.command!.title}:${l.command!.command}`),
      ['0:Preview request:alertcfg.preview', '0:Send to DingTalk:alertcfg.send', '0:Send to Webhook:alertcfg.send', '0:Apply:alertcfg.apply'],
    );
    assert.deepEqual(lenses[1]!.command!.arguments, [{ uri, documentIndex: 0, channel: 'dingtalk' }]);
  });
});
