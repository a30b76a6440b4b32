/**
 * `alertcfg.curl`: an action's request(s) as curl commands that run as printed, as
 * `alertcfg preview --curl` prints them (what VS Code for the Web copies instead of
 * sending): secrets read from the CLI's environment variables, never written out;
 * signatures whole, DingTalk's checked here with node:crypto.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type LspClient, lines, startServer } from './harness';

const TOKEN = 'tok0123456789abcdef0123456789abcdef0123';
const SECRET = 'SEC0123456789abcdef0123456789abcdef012345';

describe('alertcfg.curl', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({ initializationOptions: { secretStorage: true } });
    c.conn.onRequest('alertcfg/getSecrets', (p: { names: string[] }) => ({ values: Object.fromEntries(p.names.map((n) => [n, ({ 'bot-token': TOKEN, 'bot-secret': SECRET } as Record<string, string>)[n] ?? null])) }));
  });
  after(() => c.shutdown());

  test('a signed DingTalk test message: the token from its variable, the signature whole, no secret written out', async () => {
    const uri = c.open('bot.yaml', lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: bot', 'spec:', '  Name: bot', '  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?access_token=${secret:bot-token}', '    SecretKey: ${secret:bot-secret}'));
    const r = await c.request<{ commands: string[]; notes: string[] }>('workspace/executeCommand', { command: 'alertcfg.curl', arguments: [{ uri, documentIndex: 0, action: 'send', channel: 'dingtalk' }] });
    assert.equal(r.commands.length, 1, JSON.stringify(r));
    const command = r.commands[0]!;
    const m = /^curl -sS -X POST 'https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token='"\$ALERTCFG_SECRET_BOT_TOKEN"'&timestamp=(\d{13})&sign=([^' ]+)' /.exec(command);
    assert.ok(m, command);
    assert.equal(decodeURIComponent(m[2]!), createHmac('sha256', SECRET).update(`${m[1]}\n${SECRET}`).digest('base64'));
    assert.ok(!command.includes(TOKEN) && !command.includes(SECRET), command);
    assert.ok(r.notes.some((n) => n.includes('ALERTCFG_SECRET_BOT_TOKEN')), JSON.stringify(r.notes));
  });

  test('a document without a resource: no command, the reason as a note', async () => {
    const uri = c.open('notes.yaml', lines('just: notes'));
    const r = await c.request<{ commands: string[]; notes: string[] }>('workspace/executeCommand', { command: 'alertcfg.curl', arguments: [{ uri, documentIndex: 0 }] });
    assert.deepEqual(r, { commands: [], notes: ['This file holds no alert-config resource.'] });
  });
});
