/**
 * The Volcengine VMP stand-in's bot tests "through the cloud": the fake cloud
 * really sends the test message to a loopback bot stand-in, which verifies the
 * signature, and reports the bot's answer with HTTP 200 even when the bot
 * refused. Requests to the fake are signed with the official Signer.
 */
import { test, describe } from 'node:test';
import { keep } from '../helpers/cleanup';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startVolcengine } from './volcengine';
import { startDingTalk } from './dingtalk';
import { startLark } from './lark';
import { startWeCom } from './wecom';
import { startWebhook } from './webhook';
import { volcengineClient } from './sdk-clients';

const AK = 'AKLTbots';
const SK = 'Ym90cy1zZWNyZXQ=';


async function cloud(botTimeoutMs = 5000) {
  const vc = await keep(startVolcengine({ accessKeyId: AK, secretAccessKey: SK, botTimeoutMs }));
  return { vc, api: volcengineClient(vc.url, AK, SK) };
}

/** A loopback port nothing listens on (a server opened and closed). */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('Volcengine stand-in: bot tests through the cloud', () => {
  test('TestDingTalkBotWebhook: the right secret → DingTalkCode 0; a wrong one → StatusCode 200, DingTalkCode 310000; HTTP 200 both times', async () => {
    const dt = await keep(startDingTalk({ accessToken: 'TK', secret: 'SECright' }));
    const { api } = await cloud();
    const Address = `${dt.url}/robot/send?access_token=TK`;
    const ok = await api.call('TestDingTalkBotWebhook', { Address, SecretKey: 'SECright', AtMobiles: ['13800000000'] });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json.Result, { StatusCode: 200, ErrorMessage: '', DingTalkCode: 0, DingTalkMessage: 'ok' });
    const sent = JSON.parse(dt.requests[0]!.body);
    assert.equal(sent.msgtype, 'text');
    assert.deepEqual(sent.at.atMobiles, ['13800000000']);
    assert.match(sent.text.content, /@13800000000/);
    const wrong = await api.call('TestDingTalkBotWebhook', { Address, SecretKey: 'SECwrong' });
    assert.equal(wrong.status, 200);
    assert.equal(wrong.json.Result.StatusCode, 200);
    assert.equal(wrong.json.Result.DingTalkCode, 310000);
    assert.match(wrong.json.Result.DingTalkMessage, /^sign not match/);
    const unsigned = await api.call('TestDingTalkBotWebhook', { Address });
    assert.equal(unsigned.json.Result.DingTalkCode, 310000);
    const badToken = await api.call('TestDingTalkBotWebhook', { Address: `${dt.url}/robot/send?access_token=NO`, SecretKey: 'SECright' });
    assert.equal(badToken.json.Result.DingTalkCode, 300001);
    assert.deepEqual(dt.requests.map((r) => r.verdict.split(' ')[0]), ['ok', '310000', '310000', '300001']);
  });

  test('TestLarkBotWebhook: signed body accepted (LarkCode 0); a wrong secret → LarkCode 19021', async () => {
    const lk = await keep(startLark({ token: 'hook-1', secret: 'lark-secret' }));
    const { api } = await cloud();
    const Address = `${lk.url}/open-apis/bot/v2/hook/hook-1`;
    assert.deepEqual((await api.result('TestLarkBotWebhook', { Address, SecretKey: 'lark-secret' })), { StatusCode: 200, ErrorMessage: '', LarkCode: 0, LarkMessage: 'success' });
    const wrong = await api.result('TestLarkBotWebhook', { Address, SecretKey: 'lark-secreT' });
    assert.equal(wrong.StatusCode, 200);
    assert.equal(wrong.LarkCode, 19021);
    const otherHook = await api.result('TestLarkBotWebhook', { Address: `${lk.url}/open-apis/bot/v2/hook/hook-2`, SecretKey: 'lark-secret' });
    assert.equal(otherHook.LarkCode, 19001);
  });

  test('TestWeComBotWebhook: the right key → WeComCode 0 with the mentions sent; a wrong key → 93000', async () => {
    const wc = await keep(startWeCom({ key: 'K-1' }));
    const { api } = await cloud();
    assert.deepEqual(await api.result('TestWeComBotWebhook', { Address: `${wc.url}/cgi-bin/webhook/send?key=K-1`, AtUserIds: ['zhangsan'] }), { StatusCode: 200, ErrorMessage: '', WeComCode: 0, WeComMessage: 'ok' });
    assert.deepEqual(JSON.parse(wc.requests[0]!.body).text.mentioned_list, ['zhangsan']);
    const wrong = await api.result('TestWeComBotWebhook', { Address: `${wc.url}/cgi-bin/webhook/send?key=K-2` });
    assert.equal(wrong.WeComCode, 93000);
    assert.match(wrong.WeComMessage, /^invalid webhook url/);
  });

  test('TestWebhook: the Token as a bearer token; the receiver refusing → its status and body', async () => {
    const wh = await keep(startWebhook({ token: 'tok-1', okBody: 'successfully' }));
    const { api } = await cloud();
    assert.deepEqual(await api.result('TestWebhook', { Address: `${wh.url}/hook`, Token: 'tok-1' }), { StatusCode: 200, Body: 'successfully', ErrorMessage: '' });
    assert.equal(wh.requests[0]!.headers['authorization'], 'Bearer tok-1');
    const refused = await api.call('TestWebhook', { Address: `${wh.url}/hook`, Token: 'tok-2' });
    assert.equal(refused.status, 200);
    assert.equal(refused.json.Result.StatusCode, 401);
    assert.match(refused.json.Result.Body, /invalid token/);
  });

  test('not loopback, a refused connection, a hanging bot → StatusCode 0, "timeout"; a bot answer that is not JSON', async () => {
    const { api } = await cloud();
    const far = await api.result('TestDingTalkBotWebhook', { Address: 'https://oapi.dingtalk.com/robot/send?access_token=x', SecretKey: 'SECx' });
    assert.deepEqual(far, { StatusCode: 0, ErrorMessage: 'timeout', DingTalkCode: 0, DingTalkMessage: '' });
    const port = await closedPort();
    assert.deepEqual(await api.result('TestWebhook', { Address: `http://127.0.0.1:${port}/hook` }), { StatusCode: 0, Body: '', ErrorMessage: 'timeout' });
    const hanging = await keep(startWebhook({ script: ['hang'] }));
    const impatient = (await cloud(200)).api;
    assert.equal((await impatient.result('TestWeComBotWebhook', { Address: `${hanging.url}/cgi-bin/webhook/send?key=k` })).ErrorMessage, 'timeout');
    const html = await keep(startWebhook({ okBody: '<html>gateway</html>' }));
    const odd = await api.result('TestLarkBotWebhook', { Address: `${html.url}/open-apis/bot/v2/hook/x` });
    assert.deepEqual(odd, { StatusCode: 200, ErrorMessage: 'invalid response body', LarkCode: 0, LarkMessage: '' });
  });

  test('missing Address → 400 MissingParameter.Address; not a URL → InvalidParameter.Address', async () => {
    const { api } = await cloud();
    for (const action of ['TestDingTalkBotWebhook', 'TestLarkBotWebhook', 'TestWeComBotWebhook', 'TestWebhook']) {
      const r = await api.call(action, { SecretKey: 'x' });
      assert.equal(r.status, 400, action);
      assert.equal(r.json.ResponseMetadata.Error.Code, 'MissingParameter.Address', action);
      assert.equal((await api.call(action, { Address: 'not a url' })).json.ResponseMetadata.Error.Code, 'InvalidParameter.Address', action);
    }
  });
});
