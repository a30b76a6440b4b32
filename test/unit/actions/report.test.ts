/**
 * `interpret`: each vendor's answer read the vendor's way (bots answer HTTP 200
 * with an errcode on failure; AOM 204; CTS 201; Volcengine's ResponseMetadata;
 * ZStack's success/connected; Tencent's {sessionId, retCode} ack), known codes
 * turned into plain advice, and the report in ZStack's shape: success,
 * connected, webhookResp, error{code, description, details}, attempts.
 * Answers are written here from research.md's error tables and the vendor docs.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { interpret, type ActionReport, type DeliveryResult } from '../../../server/src/engine/actions/report';
import { Masker } from '../../../server/src/engine/actions/mask';
import type { AttemptRecord, PlannedRequest, Vendor } from '../../../server/src/engine/actions/plan';

const URLS: Record<Vendor, string> = {
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
  lark: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc',
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
  webhook: 'https://hooks.example.com/alerts',
  volcengine: 'https://open.volcengineapi.com/?Action=CreateContact&Version=2021-03-03',
  'huawei-aom': 'https://aom.cn-north-4.myhuaweicloud.com/v2/p1/push/events',
  'huawei-cts': 'https://cts.cn-north-4.myhuaweicloud.com/v3/p1/notifications',
  zstack: 'http://zstack.example.internal:8080/zstack/v1/sns/application-endpoints/ding-talk/test-connection',
  'tencent-callback': 'http://127.0.0.1:8080/tencent/alarm',
};

function planFor(vendor: Vendor): PlannedRequest {
  return {
    vendor,
    label: `${vendor} request`,
    request: { method: 'POST', url: URLS[vendor], headers: { 'Content-Type': 'application/json' }, body: '{}' },
    idempotent: true,
    carriesSecret: true,
    ...(vendor === 'tencent-callback' ? { expectAck: { sessionId: 'session-1' }, maxAttempts: 3, timeoutMs: 5000 } : {}),
  };
}

function answered(status: number, body: unknown, attempts = 1): DeliveryResult {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const answer = { status, headers: {}, body: text };
  const list: AttemptRecord[] = Array.from({ length: attempts }, (_, i) => ({ attempt: i + 1, durationMs: 12, answer }));
  return { attempts: list, answer };
}

function read(vendor: Vendor, status: number, body: unknown): ActionReport {
  return interpret(planFor(vendor), answered(status, body), new Masker());
}

function ok(r: ActionReport): void {
  assert.equal(r.success, true, JSON.stringify(r.error));
  assert.equal(r.connected, true);
  assert.equal(r.error, undefined);
}

function failed(r: ActionReport, code: string, advice: RegExp): void {
  assert.equal(r.success, false);
  assert.equal(r.connected, true, 'an answer arrived');
  assert.equal(r.error?.code, code);
  assert.match(r.error!.details, advice, r.error!.details);
}

describe('DingTalk (HTTP 200 with errcode)', () => {
  test('errcode 0 → success; webhookResp is the answer; one attempt reported', () => {
    const r = read('dingtalk', 200, { errcode: 0, errmsg: 'ok' });
    ok(r);
    assert.deepEqual(r.webhookResp, { errcode: 0, errmsg: 'ok' });
    assert.deepEqual(r.attempts, [{ attempt: 1, durationMs: 12, status: 200 }]);
    assert.equal(r.host, 'oapi.dingtalk.com');
    assert.equal(r.label, 'dingtalk request');
  });

  test('310000 sign not match → signature advice (SecretKey, SEC…)', () => {
    const r = read('dingtalk', 200, { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' });
    failed(r, '310000', /signature/);
    assert.match(r.error!.details, /SecretKey/);
    assert.equal(r.error!.description, 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]');
  });

  test("310000 with DingTalk's newer text (description:…签名不匹配) → signature advice, not IP", () => {
    const r = read('dingtalk', 200, { errcode: 310000, errmsg: 'description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中' });
    failed(r, '310000', /signature/);
    assert.doesNotMatch(r.error!.details, /IP/);
  });

  test('310000 invalid timestamp → clock advice', () => {
    failed(read('dingtalk', 200, { errcode: 310000, errmsg: 'invalid timestamp' }), '310000', /clock/);
  });

  test('310000 keywords not in content → keyword advice', () => {
    failed(read('dingtalk', 200, { errcode: 310000, errmsg: 'keywords not in content' }), '310000', /keyword/);
  });

  test('310000 ip not in whitelist → IP allow-list advice', () => {
    failed(read('dingtalk', 200, { errcode: 310000, errmsg: 'ip 203.0.113.7 not in whitelist' }), '310000', /IP allow-list/);
  });

  test('130101 → rate limit (20 a minute); 460101 → message too long (20,000 bytes)', () => {
    failed(read('dingtalk', 200, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' }), '130101', /20 messages a minute/);
    failed(read('dingtalk', 200, { errcode: 460101, errmsg: 'message too long, exceed 20000 bytes' }), '460101', /20,000 bytes/);
  });

  test('an unknown errcode is still a failure, described by its errmsg', () => {
    const r = read('dingtalk', 200, { errcode: 400999, errmsg: 'something new' });
    assert.equal(r.success, false);
    assert.equal(r.error?.code, '400999');
    assert.equal(r.error?.description, 'something new');
    assert.match(r.error!.details, /oapi\.dingtalk\.com answered HTTP 200/);
  });

  test('HTTP 200 without errcode, and a non-JSON body, are failures', () => {
    assert.equal(read('dingtalk', 200, { hello: 1 }).success, false);
    const r = read('dingtalk', 200, '<html>proxy page</html>');
    assert.equal(r.success, false);
    assert.equal(r.webhookResp, '<html>proxy page</html>');
  });

  test('HTTP 500 → failure coded HTTP 500', () => {
    const r = read('dingtalk', 500, 'internal error');
    assert.equal(r.success, false);
    assert.equal(r.error?.code, 'HTTP 500');
    assert.equal(r.error?.description, 'internal error');
  });
});

describe('Lark (HTTP 200 with code)', () => {
  test('code 0 → success; the old StatusCode form too', () => {
    ok(read('lark', 200, { code: 0, data: {}, msg: 'success' }));
    ok(read('lark', 200, { StatusCode: 0, StatusMessage: 'success' }));
  });

  test('19021 → signature/timestamp advice', () => {
    const r = read('lark', 200, { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' });
    failed(r, '19021', /signature or timestamp/);
    assert.match(r.error!.details, /clock/);
  });

  test('19024 keyword; 11232 rate limit; 9499 bad request', () => {
    failed(read('lark', 200, { code: 19024, data: {}, msg: 'Key Words Not Found' }), '19024', /keyword/);
    failed(read('lark', 200, { code: 11232, data: {}, msg: 'frequency limited psm[lark.oapi.app_platform_runtime]' }), '11232', /rate limit/);
    failed(read('lark', 200, { code: 9499, data: {}, msg: 'Bad Request' }), '9499', /message format/);
  });
});

describe('WeCom (HTTP 200 with errcode)', () => {
  test('errcode 0 → success', () => ok(read('wecom', 200, { errcode: 0, errmsg: 'ok' })));

  test('93000 → invalid webhook URL advice; 40058 → too long', () => {
    failed(
      read('wecom', 200, { errcode: 93000, errmsg: 'invalid webhook url, hint: [1716188400_abc], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=93000' }),
      '93000',
      /Invalid webhook URL.*key/,
    );
    failed(read('wecom', 200, { errcode: 40058, errmsg: 'markdown.content exceed max length 4096. invalid Request Parameter' }), '40058', /too long/);
  });
});

describe('generic webhook (HTTP status decides)', () => {
  test('2xx → success; 401 → failure with the body as description', () => {
    ok(read('webhook', 200, {}));
    ok(read('webhook', 202, ''));
    const r = read('webhook', 401, { error: 'unauthorized', message: 'invalid token' });
    assert.equal(r.success, false);
    assert.equal(r.error?.code, 'HTTP 401');
    assert.match(r.error!.details, /hooks\.example\.com answered HTTP 401/);
  });
});

describe('Volcengine (ResponseMetadata.Error)', () => {
  const meta = (error?: { Code: string; Message: string }) => ({ RequestId: 'R1', Action: 'CreateContact', Version: '2021-03-03', Service: 'vmp', Region: 'cn-beijing', ...(error ? { Error: error } : {}) });

  test('200 with Result → success; webhookResp carries Result.Id', () => {
    const r = read('volcengine', 200, { ResponseMetadata: meta(), Result: { Id: '1c8e0f0a-0000-4000-8000-000000000001' } });
    ok(r);
    assert.equal((r.webhookResp as any).Result.Id, '1c8e0f0a-0000-4000-8000-000000000001');
  });

  test('SignatureDoesNotMatch → secret key advice', () => {
    failed(read('volcengine', 401, { ResponseMetadata: meta({ Code: 'SignatureDoesNotMatch', Message: 'The request signature we calculated does not match' }) }), 'SignatureDoesNotMatch', /VOLCENGINE_SECRET_KEY/);
  });

  test('Conflict.Name → the Name exists advice', () => {
    const r = read('volcengine', 409, { ResponseMetadata: meta({ Code: 'Conflict.Name', Message: 'The specified name conflicts with existing contact.' }) });
    failed(r, 'Conflict.Name', /already exists/);
    assert.equal(r.error!.description, 'The specified name conflicts with existing contact.');
  });

  test('MissingParameter.Name / InvalidParameter.Email → names the field', () => {
    failed(read('volcengine', 400, { ResponseMetadata: meta({ Code: 'MissingParameter.Name', Message: 'The required parameter Name is missing.' }) }), 'MissingParameter.Name', /missing \(Name\)/);
    failed(read('volcengine', 400, { ResponseMetadata: meta({ Code: 'InvalidParameter.Email', Message: 'bad' }) }), 'InvalidParameter.Email', /invalid \(Email\)/);
  });

  test('Result.SendStatus / Result.Message (the verification e-mail) are shown as a note when set, left out when empty', () => {
    const both = read('volcengine', 200, { ResponseMetadata: meta(), Result: { Id: 'id-1', SendStatus: 'MessageSucceed.Email', Message: 'sent to sre@example.com' } });
    ok(both);
    assert.deepEqual(both.notes, ['verification e-mail: MessageSucceed.Email sent to sre@example.com']);
    const status = read('volcengine', 200, { ResponseMetadata: meta(), Result: { Id: 'id-1', SendStatus: 'MessageFailed.Email' } });
    assert.deepEqual(status.notes, ['verification e-mail: MessageFailed.Email']);
    const empty = read('volcengine', 200, { ResponseMetadata: meta(), Result: { Id: 'id-1', Message: '', SendStatus: '' } });
    assert.equal(empty.notes, undefined);
    assert.equal(read('volcengine', 200, { ResponseMetadata: meta(), Result: { Id: 'id-1' } }).notes, undefined);
  });

  test('HTTP 200 that still carries an Error is a failure', () => {
    assert.equal(read('volcengine', 200, { ResponseMetadata: meta({ Code: 'InvalidAccessKey', Message: 'x' }) }).success, false);
  });
});

describe('Huawei AOM and CTS', () => {
  test('AOM 204 with no body → success, no webhookResp', () => {
    const r = read('huawei-aom', 204, undefined);
    ok(r);
    assert.equal(r.webhookResp, undefined);
  });

  test('AOM.0400 → body advice; APIG.0301 → credentials advice that says it is not retried', () => {
    failed(read('huawei-aom', 400, { error_code: 'AOM.0400', error_msg: 'parse eventParam failed', error_type: 'SC_BAD_REQUEST', trace_id: 't' }), 'AOM.0400', /alertcfg validate/);
    const r = read('huawei-aom', 401, { error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail' });
    failed(r, 'APIG.0301', /HUAWEICLOUD_SDK_AK\/SK/);
    assert.match(r.error!.details, /does not retry/);
    assert.equal(r.error!.description, 'Incorrect IAM authentication information: verify aksk signature fail');
  });

  test('CTS 201 → success with the created notification; APIG.0301 → credentials advice', () => {
    const r = read('huawei-cts', 201, { notification_name: 'n', notification_id: 'id-1', status: 'enabled' });
    ok(r);
    assert.equal((r.webhookResp as any).notification_id, 'id-1');
    failed(read('huawei-cts', 401, { error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information: signature expired' }), 'APIG.0301', /clock/);
  });
});

describe('Huawei CTS error codes (research-gitops.md §2.1)', () => {
  const cts = (status: number, code: string, msg: string) => read('huawei-cts', status, { error_code: code, error_msg: msg });
  test('CTS.0400 → the notification_name exists: choose another name', () => {
    failed(cts(400, 'CTS.0400', 'NotificationV3 name is existed already'), 'CTS.0400', /notification_name.*already/);
  });
  test('CTS.0003 → the body is empty or invalid: alertcfg validate', () => {
    failed(cts(400, 'CTS.0003', 'The request body is invalid'), 'CTS.0003', /alertcfg validate/);
  });
  test('CTS.0001 IAM/OBS; CTS.0300 query; CTS.0002 / CTS.0013 permissions; CTS.0012 project id; CTS.0004 / CTS.0005 write/read', () => {
    failed(cts(400, 'CTS.0001', 'IAM error'), 'CTS.0001', /IAM or OBS/);
    failed(cts(400, 'CTS.0300', 'query failed'), 'CTS.0300', /query/);
    failed(cts(403, 'CTS.0002', 'auth failed'), 'CTS.0002', /permission|credentials/);
    failed(cts(403, 'CTS.0013', 'no permission'), 'CTS.0013', /permission/);
    failed(cts(403, 'CTS.0012', 'invalid project'), 'CTS.0012', /projectId/);
    failed(cts(500, 'CTS.0004', 'write failed'), 'CTS.0004', /CTS could not (write|read)/);
    failed(cts(500, 'CTS.0005', 'read failed'), 'CTS.0005', /CTS could not (write|read)/);
  });
  test('a 503 from AOM or CTS → advice that it is not repeated unchanged (the docs say so)', () => {
    failed(read('huawei-aom', 503, 'Service Unavailable'), 'HTTP 503', /must not be repeated without changes, so alertcfg did not retry it/);
    failed(read('huawei-cts', 503, { error_code: 'CTS.0503', error_msg: 'service invalid' }), 'CTS.0503', /must not be repeated without changes, so alertcfg did not retry it/);
    // Other vendors' 503 keeps the plain description.
    assert.match(read('webhook', 503, 'busy').error!.details, /answered HTTP 503\.$/);
  });
  test('an unknown CTS code: described by its error_msg, the HTTP status as details (unchanged)', () => {
    const r = cts(404, 'CTS.9999', 'something else');
    assert.equal(r.error!.description, 'something else');
    assert.match(r.error!.details, /answered HTTP 404/);
  });
});

describe('ZStack', () => {
  test('success and connected → success', () => {
    ok(read('zstack', 200, { success: true, connected: true, webhookResp: { errcode: 0, errmsg: 'ok' } }));
  });

  test('connected false → failure with ZStack’s error code and description', () => {
    const r = read('zstack', 200, {
      success: false,
      connected: false,
      webhookResp: { errcode: 310000, errmsg: 'sign not match' },
      error: { code: 'SYS.1000', description: 'DingTalk webhook answered errcode 310000', details: 'sign not match' },
    });
    assert.equal(r.success, false);
    assert.equal(r.connected, false, 'ZStack says it could not reach DingTalk');
    assert.equal(r.error?.code, 'SYS.1000');
    assert.equal(r.error?.description, 'DingTalk webhook answered errcode 310000');
    const bare = read('zstack', 200, { success: true, connected: false });
    assert.equal(bare.success, false);
    assert.equal(bare.error?.code, 'not-connected');
  });

  test('401 ID.1001 (no session) → failure coded ID.1001', () => {
    const r = read('zstack', 401, { error: { code: 'ID.1001', description: 'Authentication failure', details: 'Session expired or invalid' } });
    assert.equal(r.success, false);
    assert.equal(r.error?.code, 'ID.1001');
  });
});

describe('Tencent callback acknowledgement', () => {
  test('HTTP 200 {sessionId: same, retCode: 0} → success (retCode as string too)', () => {
    ok(read('tencent-callback', 200, { sessionId: 'session-1', retCode: 0 }));
    ok(read('tencent-callback', 200, { sessionId: 'session-1', retCode: '0' }));
  });

  test('wrong sessionId → bad-ack naming both ids', () => {
    const r = read('tencent-callback', 200, { sessionId: 'session-1-other', retCode: 0 });
    assert.equal(r.success, false);
    assert.equal(r.error?.code, 'bad-ack');
    assert.match(r.error!.description, /session-1-other/);
    assert.match(r.error!.description, /"session-1"/);
    assert.match(r.error!.description, /Tencent would resend/);
  });

  test('retCode 1 → bad-ack', () => {
    const r = read('tencent-callback', 200, { sessionId: 'session-1', retCode: 1 });
    assert.equal(r.error?.code, 'bad-ack');
    assert.match(r.error!.description, /retCode 1/);
  });

  test('HTTP 500 → failure saying Tencent needs HTTP 200', () => {
    const r = read('tencent-callback', 500, 'oops');
    assert.equal(r.success, false);
    assert.match(r.error!.description, /HTTP 500.*HTTP 200/);
  });

  test('every attempt is reported', () => {
    const r = interpret(planFor('tencent-callback'), answered(200, { sessionId: 'x', retCode: 0 }, 3), new Masker());
    assert.deepEqual(r.attempts.map((a) => a.attempt), [1, 2, 3]);
  });
});

describe('no answer', () => {
  test('refused by a safety rule: not connected, code refused, nothing was sent', () => {
    const r = interpret(planFor('webhook'), { attempts: [], refused: 'Webhook: the request carries a secret and would go over plain http' }, new Masker());
    assert.equal(r.success, false);
    assert.equal(r.connected, false);
    assert.equal(r.error?.code, 'refused');
    assert.match(r.error!.description, /plain http/);
    assert.equal(r.error?.details, 'Nothing was sent.');
    assert.deepEqual(r.attempts, []);
  });

  test('network failures on every attempt: not connected, the failure kind as code, attempts listed', () => {
    const attempts: AttemptRecord[] = [
      { attempt: 1, durationMs: 5, failure: 'reset', error: 'connection reset by 127.0.0.1:1/x before any answer' },
      { attempt: 2, durationMs: 5001, failure: 'timeout', error: 'timed out after 5000 ms (127.0.0.1:1/x)' },
    ];
    const r = interpret(planFor('webhook'), { attempts }, new Masker());
    assert.equal(r.success, false);
    assert.equal(r.connected, false);
    assert.equal(r.error?.code, 'timeout');
    assert.match(r.error!.description, /No answer from hooks\.example\.com: timed out after 5000 ms/);
    assert.match(r.error!.details, /2 attempt\(s\)/);
    assert.deepEqual(
      r.attempts.map((a) => [a.attempt, a.status, a.error]),
      [
        [1, undefined, 'connection reset by 127.0.0.1:1/x before any answer'],
        [2, undefined, 'timed out after 5000 ms (127.0.0.1:1/x)'],
      ],
    );
  });

  test('a 5xx then an answer: the last answer decides, both attempts reported', () => {
    const bad = { status: 503, headers: {}, body: 'busy' };
    const good = { status: 200, headers: {}, body: '{"errcode":0,"errmsg":"ok"}' };
    const r = interpret(planFor('dingtalk'), { attempts: [{ attempt: 1, durationMs: 3, answer: bad }, { attempt: 2, durationMs: 3, answer: good }], answer: good }, new Masker());
    ok(r);
    assert.deepEqual(r.attempts.map((a) => a.status), [503, 200]);
  });
});

describe('masking in reports', () => {
  test('a known secret echoed in errmsg, webhookResp and attempt errors is masked', () => {
    const masker = new Masker(['SECsecretValue0123456789']);
    const body = { errcode: 310000, errmsg: 'sign not match for secret SECsecretValue0123456789' };
    const answer = { status: 200, headers: {}, body: JSON.stringify(body) };
    const r = interpret(planFor('dingtalk'), { attempts: [{ attempt: 1, durationMs: 1, answer, error: 'x SECsecretValue0123456789' }], answer }, masker);
    const text = JSON.stringify(r);
    assert.ok(!text.includes('SECsecretValue0123456789'), text);
    assert.match(text, /SEC\*\*\*\*89/);
  });

  test('a secret with quotes and backslashes echoed in a JSON answer: masked, and the answer still reads as JSON', () => {
    const secret = 'ab"cdefgh\\ijk"l';
    const masker = new Masker([secret]);
    const answer = { status: 200, headers: {}, body: JSON.stringify({ errcode: 310000, errmsg: `sign not match for ${secret}` }) };
    const r = interpret(planFor('dingtalk'), { attempts: [{ attempt: 1, durationMs: 1, answer }], answer }, masker);
    assert.equal(r.error?.code, '310000');
    assert.equal((r.webhookResp as { errcode: number }).errcode, 310000);
    const out = JSON.stringify(r);
    assert.ok(!out.includes(JSON.stringify(secret).slice(1, -1)) && !r.error!.description.includes(secret), out);
  });

  test('a non-JSON echo longer than the description limit never leaves a piece of the secret', () => {
    const secret = 'whT0kenABCDEF123456';
    const masker = new Masker([secret]);
    // The secret straddles character 300 of the answer, where the description is cut.
    const text = `${'x'.repeat(277)} Bearer ${secret} ${'y'.repeat(2000)}`;
    const r = interpret(planFor('webhook'), answered(400, text), masker);
    const out = JSON.stringify(r);
    assert.ok(!out.includes(secret.slice(0, 10)), `a piece of the secret leaked: ${r.error?.description.slice(280)}`);
  });
});
