/**
 * The vendor stand-ins verify like the vendors: a correctly signed request is
 * accepted, the same request with one changed byte is rejected with the
 * vendor's code. DingTalk/Lark requests are signed here with node:crypto;
 * Huawei with the official SDK's AKSKSigner.sign(); Volcengine with the
 * official Signer. Our own engine signers are checked for compatibility too.
 */
import { test, describe } from 'node:test';
import { keep } from '../helpers/cleanup';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import { createHmac } from 'node:crypto';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials';
import Signer from '@volcengine/openapi/lib/base/sign';
import { dingtalkSignedUrl } from '../../server/src/engine/signing/dingtalk';
import { larkSign } from '../../server/src/engine/signing/lark';
import { huaweiSignRequest } from '../../server/src/engine/signing/huawei';
import { volcengineSignRequest } from '../../server/src/engine/signing/volcengine';
import { startDingTalk, dingtalkExpectedSign } from './dingtalk';
import { startLark, larkExpectedSign } from './lark';
import { startWeCom } from './wecom';
import { startWebhook } from './webhook';
import { startHuawei } from './huawei';
import { startVolcengine, volcengineExpectedSignature } from './volcengine';
import { startTencentReceiver } from './tencent-receiver';
import { startZStack } from './zstack';
import { send as sendRequest } from './sdk-clients';

/** A plain node:http request (it may carry a Host header, as the Huawei SDK's output does). */
const send = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => sendRequest({ url, ...init });

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  send(url, { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Changes one character of `s` at `index` (keeps the alphabet). */
function flip(s: string, index = Math.floor(s.length / 2)): string {
  const c = s[index]!;
  return s.slice(0, index) + (c === 'A' ? 'B' : 'A') + s.slice(index + 1);
}

/** `hex` with one digit changed (to another hex digit, so the value stays well-formed). */
function flipHex(hex: string, index = Math.floor(hex.length / 2)): string {
  return hex.slice(0, index) + (hex[index] === '0' ? '1' : '0') + hex.slice(index + 1);
}


const TEXT = { msgtype: 'text', text: { content: 'alert test @13800000000' }, at: { atMobiles: ['13800000000'], isAtAll: false } };

describe('DingTalk stand-in', () => {
  test('own signing code reproduces research.md vectors', () => {
    assert.equal(dingtalkExpectedSign('this is secret', '1577262236757'), 'hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=');
    assert.equal(dingtalkExpectedSign('SECtest', '1700000000000'), 'aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=');
  });

  test('signed request accepted; a changed byte, a skewed clock, a double-encoded sign rejected', async () => {
    const secret = 'SECabc123';
    const dt = await keep(startDingTalk({ accessToken: 'TOK', secret }));
    const ts = String(Date.now());
    const sign = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
    const url = (s: string, t = ts) => `${dt.url}/robot/send?access_token=TOK&timestamp=${t}&sign=${s}`;
    assert.deepEqual((await postJson(url(encodeURIComponent(sign)), TEXT)).json, { errcode: 0, errmsg: 'ok' });
    const bad = await postJson(url(encodeURIComponent(flip(sign))), TEXT);
    assert.equal(bad.status, 200);
    assert.equal(bad.json.errcode, 310000);
    assert.match(bad.json.errmsg, /^sign not match/);
    assert.match((await postJson(url(encodeURIComponent(encodeURIComponent(sign))), TEXT)).json.errmsg, /sign not match/);
    const oldTs = String(Date.now() - 2 * 3600_000);
    const oldSign = createHmac('sha256', secret).update(`${oldTs}\n${secret}`).digest('base64');
    assert.deepEqual((await postJson(url(encodeURIComponent(oldSign), oldTs), TEXT)).json, { errcode: 310000, errmsg: 'invalid timestamp' });
    assert.match((await postJson(`${dt.url}/robot/send?access_token=TOK`, TEXT)).json.errmsg, /sign not match/);
    assert.deepEqual((await postJson(`${dt.url}/robot/send?access_token=NOPE`, TEXT)).json, { errcode: 300001, errmsg: 'token is not exist' });
    // Our engine's signer produces a URL the stand-in accepts.
    const ours = dingtalkSignedUrl(`${dt.url}/robot/send?access_token=TOK`, secret, Date.now());
    assert.equal((await postJson(ours, TEXT)).json.errcode, 0);
  });

  test('keywords, size, body shape and rate limit', async () => {
    const dt = await keep(startDingTalk({ accessToken: 'T', keywords: ['alert'], ratePerMinute: 2 }));
    const u = `${dt.url}/robot/send?access_token=T`;
    assert.deepEqual((await postJson(u, { msgtype: 'text', text: { content: 'hello' } })).json, { errcode: 310000, errmsg: 'keywords not in content' });
    assert.equal((await postJson(u, { msgtype: 'text', text: { content: 'alert ' + 'x'.repeat(20001) } })).json.errcode, 460101);
    assert.equal((await postJson(u, { msgtype: 'text', text: 'alert' })).json.errcode, 40035);
    assert.equal((await postJson(u, { msgtype: 'markdown', markdown: { title: 'alert', text: '# hi' } })).json.errcode, 0);
    assert.equal((await postJson(u, TEXT)).json.errcode, 0);
    assert.deepEqual((await postJson(u, TEXT)).json, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
    assert.equal(dt.requests.length, 6);
    assert.match(dt.requests[0]!.verdict, /keywords/);
  });
});

describe('Lark stand-in', () => {
  test('own signing code reproduces the published vector', () => {
    assert.equal(larkExpectedSign('9RfDwbCf5MqJ54F8FUktw', '1584532800'), 'YftbIE5F81bUnsLwj5Av5Ahfxsa/71+f4Th4tPR7GaA=');
  });

  test('signed body accepted; changed byte and old timestamp → 19021; keywords, malformed, rate', async () => {
    const secret = 'abc123';
    const lk = await keep(startLark({ token: 'hook-1', secret, keywords: ['alert'], ratePerMinute: 1 }));
    const u = `${lk.url}/open-apis/bot/v2/hook/hook-1`;
    const ts = String(Math.floor(Date.now() / 1000));
    const sign = createHmac('sha256', `${ts}\n${secret}`).update('').digest('base64');
    const body = (s: string, t = ts, text = 'alert: disk') => ({ timestamp: t, sign: s, msg_type: 'text', content: { text } });
    assert.deepEqual((await postJson(u, body(sign))).json, { code: 0, data: {}, msg: 'success' });
    const bad = await postJson(u, body(flip(sign)));
    assert.equal(bad.status, 200);
    assert.deepEqual(bad.json, { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' });
    const old = String(Number(ts) - 7200);
    assert.equal((await postJson(u, body(createHmac('sha256', `${old}\n${secret}`).update('').digest('base64'), old))).json.code, 19021);
    assert.equal((await postJson(u, body(sign, ts, 'no keyword'))).json.code, 19024);
    assert.equal((await send(u, { body: '{not json' })).json.code, 9499);
    const ours = larkSign(secret, Math.floor(Date.now() / 1000));
    assert.equal((await postJson(u, { ...ours, msg_type: 'text', content: { text: 'alert' } })).json.code, 11232);
  });
});

describe('WeCom and generic webhook stand-ins', () => {
  test('WeCom: ok, wrong key 93000, too long 40058, rate 45009', async () => {
    const wc = await keep(startWeCom({ key: 'K-1', ratePerMinute: 1 }));
    const u = `${wc.url}/cgi-bin/webhook/send?key=K-1`;
    assert.deepEqual((await postJson(u, { msgtype: 'text', text: { content: 'hi' } })).json, { errcode: 0, errmsg: 'ok' });
    const wrong = await postJson(`${wc.url}/cgi-bin/webhook/send?key=K-2`, { msgtype: 'text', text: { content: 'hi' } });
    assert.equal(wrong.json.errcode, 93000);
    assert.match(wrong.json.errmsg, /^invalid webhook url, hint: \[/);
    assert.equal((await postJson(u, { msgtype: 'text', text: { content: 'é'.repeat(1025) } })).json.errcode, 40058);
    assert.equal((await postJson(u, { msgtype: 'text', text: { content: 'again' } })).json.errcode, 45009);
  });

  test('webhook: bearer token required when configured', async () => {
    const wh = await keep(startWebhook({ token: 'tok-123' }));
    assert.equal((await postJson(`${wh.url}/x`, {})).status, 401);
    assert.equal((await postJson(`${wh.url}/x`, {}, { Authorization: 'Bearer tok-124' })).status, 401);
    const ok = await postJson(`${wh.url}/x`, { a: 1 }, { Authorization: 'Bearer tok-123' });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json, {});
    assert.equal(wh.requests[2]!.body, '{"a":1}');
  });
});

describe('Huawei stand-in (AOM + CTS)', () => {
  const cred = new BasicCredentials().withAk('HWAK').withSk('HWSK-secret');
  const events = { events: [{ starts_at: 1605232501000, metadata: { event_name: 'test', event_severity: 'Major', event_type: 'alarm', resource_provider: 'ecs', resource_type: 'vm', resource_id: 'ecs123' } }] };

  /** Signs with the official SDK (`AKSKSigner.sign`) and sends the body it hashed. */
  function sdkSigned(base: string, method: string, path: string, query: Record<string, string>, data: unknown) {
    const qs = new URLSearchParams(query).toString();
    const headers = AKSKSigner.sign({ endpoint: `${base}${path}`, method, headers: { 'content-type': 'application/json' }, queryParams: query, data }, cred) as Record<string, string>;
    return { url: `${base}${path}${qs ? `?${qs}` : ''}`, method, headers, body: JSON.stringify(data) };
  }

  test('SDK-signed AOM push accepted (204); a changed byte in body or signature → APIG.0301', async () => {
    const hw = await keep(startHuawei({ projectId: 'p1', aksk: { ak: 'HWAK', sk: 'HWSK-secret' }, token: 'iam-token' }));
    const r = sdkSigned(hw.url, 'PUT', '/v2/p1/push/events', {}, events);
    assert.equal((await send(r.url, r)).status, 204);
    const tampered = await send(r.url, { ...r, body: r.body.replace('ecs123', 'ecs124') });
    assert.equal(tampered.status, 401);
    assert.deepEqual(tampered.json, { error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail' });
    const badSig = { ...r.headers, Authorization: r.headers['Authorization']!.replace(/Signature=(\w+)/, (_m, s: string) => `Signature=${flipHex(s, 5)}`) };
    assert.equal((await send(r.url, { ...r, headers: badSig })).json.error_code, 'APIG.0301');
    const clear = sdkSigned(hw.url, 'PUT', '/v2/p1/push/events', { action: 'clear' }, { events: [{ ...events.events[0], ends_at: 1605232601000 }] });
    assert.equal((await send(clear.url, clear)).status, 204);
    assert.deepEqual(hw.events.map((e) => e.action), ['report', 'clear']);
  });

  test('expired X-Sdk-Date → signature expired; token auth; bad bodies', async () => {
    const hw = await keep(startHuawei({ projectId: 'p1', aksk: { ak: 'HWAK', sk: 'HWSK-secret' }, token: 'iam-token', now: () => Date.now() + 20 * 60_000 }));
    const r = sdkSigned(hw.url, 'PUT', '/v2/p1/push/events', {}, events);
    assert.deepEqual((await send(r.url, r)).json, { error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information: signature expired' });
    const u = `${hw.url}/v2/p1/push/events`;
    assert.equal((await send(u, { method: 'PUT', headers: { 'X-Auth-Token': 'iam-token' }, body: JSON.stringify(events) })).status, 204);
    assert.equal((await send(u, { method: 'PUT', headers: { 'X-Auth-Token': 'iam-tokeN' }, body: JSON.stringify(events) })).status, 401);
    const bad = await send(u, { method: 'PUT', headers: { 'X-Auth-Token': 'iam-token' }, body: '{"events": [{}]}' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error_code, 'AOM.0400');
    assert.equal(bad.json.error_msg, 'parse eventParam failed');
    assert.equal(bad.json.error_type, 'SC_BAD_REQUEST');
  });

  test('CTS create: SDK-signed → 201 echo; engine-signed (x-sdk-date only) → 201; bad body → CTS.0001; a name again → CTS.0400', async () => {
    const hw = await keep(startHuawei({ projectId: 'p1', aksk: { ak: 'HWAK', sk: 'HWSK-secret' } }));
    const body = { notification_name: 'test', operation_type: 'complete', topic_id: 'urn:smn:cn-north-4:p1:test' };
    const r = sdkSigned(hw.url, 'POST', '/v3/p1/notifications', {}, body);
    const created = await send(r.url, r);
    assert.equal(created.status, 201);
    assert.equal(created.json.notification_name, 'test');
    assert.equal(created.json.status, 'enabled');
    assert.match(created.json.notification_id, /^[0-9a-f-]{36}$/);
    assert.equal(typeof created.json.create_time, 'number');
    const ours = huaweiSignRequest({ method: 'POST', url: `${hw.url}/v3/p1/notifications`, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...body, notification_name: 'n2' }) }, { ak: 'HWAK', sk: 'HWSK-secret' }, new Date());
    assert.match(ours.headers['Authorization']!, /SignedHeaders=x-sdk-date,/);
    assert.equal((await send(ours.url, ours)).status, 201);
    const badBody = sdkSigned(hw.url, 'POST', '/v3/p1/notifications', {}, { notification_name: 'x', operation_type: 'some' });
    const bad = await send(badBody.url, badBody);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error_code, 'CTS.0001');
    const again = sdkSigned(hw.url, 'POST', '/v3/p1/notifications', {}, body);
    const dup = await send(again.url, again);
    assert.equal(dup.status, 400);
    assert.deepEqual(dup.json, { error_code: 'CTS.0400', error_msg: 'NotificationV3 name is existed already' });
    assert.equal(hw.notifications.length, 2);
  });
});

describe('Volcengine stand-in', () => {
  const ak = 'AKLTexample';
  const sk = 'c2VjcmV0ZXhhbXBsZQ==';

  test("verifier reproduces research.md's self-computed vector (content-type signed)", () => {
    const body = Buffer.from('{"Name":"demo"}');
    const headers = {
      'content-type': 'application/json',
      host: 'open.volcengineapi.com',
      'x-content-sha256': '28110aec8b8cf7fcdf2515073b72b89405cd7b5b593fe35c67f19b9cd5834623',
      'x-date': '20240101T000000Z',
    };
    const req = { method: 'POST', url: new URL('http://x/?Action=CreateContact&Version=2021-03-03'), rawUrl: '/?Action=CreateContact&Version=2021-03-03', headers, body, text: body.toString() };
    const sig = volcengineExpectedSignature(req, 'content-type;host;x-content-sha256;x-date', 'cn-beijing', 'vmp', sk);
    assert.equal(sig, '7abe547a1289e2bd5991a4574038e6cb8242bd4c5fe8ce56481645bb2b5b3b46');
  });

  /** Signs with the official Signer; it does not sign content-type. */
  function sdkSigned(base: string, body: unknown): { url: string; headers: Record<string, string>; body: string } {
    const host = new URL(base).host;
    const text = JSON.stringify(body);
    const signer = new Signer({ region: 'cn-beijing', method: 'POST', pathname: '/', params: { Action: 'CreateContact', Version: '2021-03-03' }, headers: { Host: host }, body: text }, 'vmp');
    signer.addAuthorization({ accessKeyId: ak, secretKey: sk });
    return { url: `${base}/?Action=CreateContact&Version=2021-03-03`, headers: { ...(signer.request.headers as Record<string, string>), 'Content-Type': 'application/json' }, body: text };
  }

  test('SDK-signed CreateContact → 200 Result.Id; changed byte → SignatureDoesNotMatch; Conflict.Name; MissingParameter.Name', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: ak, secretAccessKey: sk }));
    const r = sdkSigned(vc.url, { Name: 'sre', Email: 'sre@example.com' });
    assert.match(r.headers['Authorization']!, /SignedHeaders=host;x-content-sha256;x-date,/);
    const ok = await send(r.url, r);
    assert.equal(ok.status, 200);
    assert.match(ok.json.Result.Id, /^[0-9a-f-]{36}$/);
    assert.deepEqual({ ...ok.json.ResponseMetadata, RequestId: 'x' }, { RequestId: 'x', Action: 'CreateContact', Version: '2021-03-03', Service: 'vmp', Region: 'cn-beijing' });
    const again = await send(r.url, r);
    assert.equal(again.status, 409);
    assert.equal(again.json.ResponseMetadata.Error.Code, 'Conflict.Name');
    const tampered = await send(r.url, { ...r, body: r.body.replace('sre@', 'srf@') });
    assert.equal(tampered.status, 401);
    assert.equal(tampered.json.ResponseMetadata.Error.Code, 'SignatureDoesNotMatch');
    const badSig = { ...r.headers, Authorization: r.headers['Authorization']!.replace(/Signature=(\w)/, (_m, c: string) => `Signature=${c === 'a' ? 'b' : 'a'}`) };
    assert.equal((await send(r.url, { ...r, headers: badSig })).json.ResponseMetadata.Error.Code, 'SignatureDoesNotMatch');
    const noName = sdkSigned(vc.url, { Email: 'a@example.com' });
    const missing = await send(noName.url, noName);
    assert.equal(missing.status, 400);
    assert.equal(missing.json.ResponseMetadata.Error.Code, 'MissingParameter.Name');
  });

  test('engine-signed request (content-type;host;x-content-sha256;x-date) accepted', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: ak, secretAccessKey: sk }));
    const req = volcengineSignRequest(
      { method: 'POST', url: `${vc.url}/?Action=CreateContact&Version=2021-03-03`, headers: { 'Content-Type': 'application/json' }, body: '{"Name":"demo"}' },
      { accessKeyId: ak, secretAccessKey: sk },
      { region: 'cn-beijing', service: 'vmp' },
      new Date(),
    );
    assert.match(req.headers['Authorization']!, /SignedHeaders=content-type;host;x-content-sha256;x-date,/);
    const res = await send(req.url, req);
    assert.equal(res.status, 200, res.text);
    assert.ok(vc.contacts.has('demo'));
  });
});

describe('Tencent callback receiver', () => {
  const alarm = { sessionId: 'sess-1', alarmStatus: 1, alarmObjInfo: { region: 'gz', namespace: 'qce/cvm', dimensions: { unInstanceId: 'ins-1' } } };

  test('acknowledges with the same sessionId; scripted wrong session, retCode 1, 500, reset, slow', async () => {
    const rx = await keep(startTencentReceiver({ script: ['vendor', 'wrong-session', 'retcode-1', { status: 500, body: 'oops' }, 'reset', { slowMs: 150 }] }));
    assert.deepEqual((await postJson(rx.url, alarm)).json, { sessionId: 'sess-1', retCode: 0 });
    assert.deepEqual((await postJson(rx.url, alarm)).json, { sessionId: 'sess-1-other', retCode: 0 });
    assert.deepEqual((await postJson(rx.url, alarm)).json, { sessionId: 'sess-1', retCode: 1 });
    assert.equal((await postJson(rx.url, alarm)).status, 500);
    await assert.rejects(postJson(rx.url, alarm));
    const started = Date.now();
    assert.equal((await postJson(rx.url, alarm)).json.retCode, 0);
    assert.ok(Date.now() - started >= 100);
    assert.equal(rx.requests.length, 6);
    assert.equal(rx.requests[4]!.verdict, 'scripted: reset');
  });
});

describe('ZStack stand-in', () => {
  test('OAuth session required; forwards to a DingTalk stand-in, which verifies the signature', async () => {
    const dt = await keep(startDingTalk({ accessToken: 'TK', secret: 'SECzz' }));
    const zs = await keep(startZStack({ sessionUuid: 'sess-uuid', dingtalkUrl: dt.url }));
    const u = `${zs.url}/zstack/v1/sns/application-endpoints/ding-talk/test-connection`;
    const params = { testMsg: 'hello @13800000000', url: 'https://oapi.dingtalk.com/robot/send?access_token=TK', secret: 'SECzz', atPersonPhoneNumbers: ['13800000000'] };
    const noAuth = await postJson(u, { params });
    assert.equal(noAuth.status, 401);
    assert.equal(noAuth.json.error.code, 'ID.1001');
    const ok = await postJson(u, { params }, { Authorization: 'OAuth sess-uuid' });
    assert.deepEqual(ok.json, { success: true, connected: true, webhookResp: { errcode: 0, errmsg: 'ok' } });
    assert.equal(dt.requests.at(-1)!.verdict, 'ok');
    const wrong = await postJson(u, { params: { ...params, secret: 'SECzy' } }, { Authorization: 'OAuth sess-uuid' });
    assert.equal(wrong.json.connected, false);
    assert.equal(wrong.json.webhookResp.errcode, 310000);
    assert.ok(wrong.json.error.code && wrong.json.error.description && wrong.json.error.details);
    const invalid = await postJson(u, { params: { url: params.url } }, { Authorization: 'OAuth sess-uuid' });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.json.error.code, 'SYS.1007');
  });
});

describe('shared server behaviours', () => {
  test('canned answers with headers, hang ended by close(), 127.0.0.1 only', async () => {
    const wh = await startWebhook({ script: [{ status: 503, body: { busy: true }, headers: { 'Retry-After': '2' } }, 'hang'] });
    assert.match(wh.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const canned = await postJson(wh.url, {});
    assert.equal(canned.status, 503);
    assert.equal(canned.headers['retry-after'], '2');
    const hanging = postJson(wh.url, {});
    await new Promise((r) => setTimeout(r, 50));
    await wh.close();
    await assert.rejects(hanging);
    assert.equal(wh.requests[1]!.verdict, 'scripted: hang');
  });
});
