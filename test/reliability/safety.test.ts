/**
 * The safety rules of SPEC §5, on real plans from the engine: no request that
 * carries a secret goes over plain http (loopback excepted) nor, unless
 * configured, a bot secret to another host than its channel's; loopback
 * (127.0.0.0/8, ::1, localhost) is always allowed; link-local and cloud-metadata
 * addresses are refused as targets, written as addresses in any notation or
 * reached through a host name; an untrusted workspace never sends. Every refusal
 * happens before any connection (a lookup spy sees nothing) and says what to do.
 * Host names under .invalid (RFC 6761) are used where a name must not resolve.
 */
import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { after, before, describe, test } from 'node:test';
import type { PlannedRequest } from '../../server/src/engine/index';
import { type DeliveryOptions, deliver, guardedLookup, refusal } from '../../server/src/delivery';
import type { LookupFunction } from '../../server/src/delivery/safety';
import { type LspClient, startServer as startLsp } from '../lsp/harness';
import { startDingTalk } from '../standins/dingtalk';
import { startHuawei } from '../standins/huawei';
import { json, startServer, type StandIn } from '../standins/server';
import { startTencentReceiver } from '../standins/tencent-receiver';
import { startVolcengine } from '../standins/volcengine';
import { CREDENTIALS, PROJECT, SECRETS, alarm, contact, events, keyOperations, request, zstack } from './plans';

/** Delivery options whose name resolution is a spy: a refusal must come before any lookup. */
function spied(extra: DeliveryOptions = {}): DeliveryOptions & { lookups: string[] } {
  const lookups: string[] = [];
  const lookup: LookupFunction = (host, _o, cb) => {
    lookups.push(host);
    cb(Object.assign(new Error('the spy resolves nothing'), { code: 'ENOTFOUND' }), '');
  };
  return { env: {}, sleep: async () => undefined, timeoutMs: 1000, lookup, ...extra, lookups };
}

async function refused(p: PlannedRequest, pattern: RegExp, extra: DeliveryOptions = {}): Promise<void> {
  const o = spied(extra);
  const out = await deliver(p, o);
  assert.deepEqual(out.attempts, [], `${p.label}: nothing may be sent`);
  assert.deepEqual(o.lookups, [], `${p.label}: not even a name lookup`);
  assert.match(out.refused ?? '(not refused)', pattern, p.label);
  for (const s of Object.values(SECRETS)) assert.ok(!out.refused!.includes(s), `${p.label}: the refusal shows a secret`);
}

describe('a request that carries a secret never goes over plain http (loopback excepted)', () => {
  const base = 'http://alertcfg-safety.invalid';
  const cases: [string, () => PlannedRequest][] = [
    ['Volcengine CreateContact', () => request(contact({ volcengine: base }), 'apply')],
    ['CTS create', () => request(keyOperations({ huawei: base }), 'apply')],
    ['AOM push', () => request(events({ huawei: base }), 'push')],
    ['AOM clear', () => request(events({ huawei: base }, true), 'clear')],
    ['ZStack test connection', () => request(zstack({ zstack: base }), 'send')],
    ['generic webhook with a Token', () => request(contact({ webhook: base }), 'send', 'webhook')],
    ['Tencent replay with a password', () => request(alarm({ tencent: base }), 'replay')],
    ['DingTalk (its own host, over http)', () => request(contact({ dingtalk: 'http://oapi.dingtalk.com' }), 'send', 'dingtalk')],
    ['Lark (its own host, over http)', () => request(contact({ lark: 'http://open.feishu.cn' }), 'send', 'lark')],
    ['WeCom (its own host, over http)', () => request(contact({ wecom: 'http://qyapi.weixin.qq.com' }), 'send', 'wecom')],
  ];
  for (const [name, make] of cases) {
    test(name, async () => {
      const p = make();
      assert.equal(p.carriesSecret, true);
      await refused(p, /carries a secret and would go over plain http to .+; use an https:\/\/ URL \(plain http is allowed only for loopback addresses\)/);
    });
  }

  test('the same requests to loopback addresses go out (stand-ins need no configuration)', async () => {
    const opened: StandIn[] = [];
    try {
      const dt = await startDingTalk({ accessToken: SECRETS['DINGTALK_TOKEN']!, secret: SECRETS['sre-dingtalk-secret']! });
      const volc = await startVolcengine({ accessKeyId: CREDENTIALS.volcAk, secretAccessKey: CREDENTIALS.volcSk });
      const hw = await startHuawei({ projectId: PROJECT, aksk: { ak: CREDENTIALS.huaweiAk, sk: CREDENTIALS.huaweiSk } });
      const tc = await startTencentReceiver({ basicAuth: { user: 'alice', password: SECRETS['alarm-password']! } });
      opened.push(dt, volc, hw, tc);
      for (const [p, s] of [
        [request(contact({ dingtalk: dt.url }), 'send', 'dingtalk'), dt],
        [request(contact({ volcengine: volc.url }), 'apply'), volc],
        [request(events({ huawei: hw.url }), 'push'), hw],
        [request(alarm({ tencent: tc.url }), 'replay'), tc],
      ] as const) {
        const before = s.requests.length;
        const out = await deliver(p, { env: {}, timeoutMs: 3000 });
        assert.equal(out.refused, undefined, p.label);
        assert.equal(s.requests.length, before + 1, `${p.label} reached the stand-in`);
      }
      // Every loopback spelling is allowed for a bot secret over plain http.
      const p = request(contact({ dingtalk: dt.url }), 'send', 'dingtalk');
      for (const host of ['127.0.0.1', '127.0.0.2', '127.255.255.254', '127.1', 'localhost', 'LOCALHOST', '[::1]', '[0:0:0:0:0:0:0:1]']) {
        const url = p.request.url.replace(/^http:\/\/127\.0\.0\.1/, `http://${host}`);
        assert.equal(refusal({ ...p, request: { ...p.request, url } }), undefined, host);
      }
      // Not loopback: refused over http with the secret (0.0.0.0, an IPv4-mapped form, a look-alike name).
      for (const host of ['0.0.0.0', '[::ffff:127.0.0.1]', '127.0.0.1.alertcfg.invalid', 'localhost.alertcfg.invalid']) {
        const url = p.request.url.replace(/^http:\/\/127\.0\.0\.1/, `http://${host}`);
        assert.match(refusal({ ...p, request: { ...p.request, url } }) ?? '', /plain http/, host);
      }
    } finally {
      await Promise.all(opened.map((s) => s.close()));
    }
  });
});

describe("a bot secret goes only to its channel's own host, unless the configuration allows another", () => {
  const elsewhere = 'https://bots.alertcfg.invalid';
  const channels = [
    ['dingtalk', 'oapi.dingtalk.com'],
    ['lark', 'open.feishu.cn or open.larksuite.com'],
    ['wecom', 'qyapi.weixin.qq.com'],
  ] as const;
  for (const [channel, hosts] of channels) {
    test(`${channel}: refused off ${hosts}; allowed when allowedHosts names the host; allowed on its own host`, async () => {
      const p = request(contact({ [channel]: elsewhere }), 'send', channel);
      assert.equal(p.carriesSecret, true);
      await refused(p, new RegExp(`the bot secret goes only to ${hosts.replace(/\./g, '\\.')}, not bots\\.alertcfg\\.invalid; fix the address, or add bots\\.alertcfg\\.invalid to the allowed extra hosts`));
      assert.equal(refusal(p, ['bots.alertcfg.invalid']), undefined);
      assert.equal(refusal(p, ['BOTS.alertcfg.invalid']), undefined);
      assert.match(refusal(p, ['other.alertcfg.invalid']) ?? '', /goes only to/);
      const own = request(contact({ [channel]: `https://${hosts.split(' ')[0]}` }), 'send', channel);
      assert.equal(refusal(own), undefined);
    });
  }

  test('the DingTalk secret of a ZStack test sent straight to DingTalk is held to oapi.dingtalk.com too', async () => {
    const text = zstack({ dingtalk: elsewhere }).replace(/target:\n {2}zstack: \S+\n/, '');
    await refused(request(text, 'send'), /goes only to oapi\.dingtalk\.com, not bots\.alertcfg\.invalid/);
  });
});

describe('link-local and cloud-metadata addresses are never targets', () => {
  const plain = (url: string): PlannedRequest => ({ vendor: 'webhook', label: 'Webhook test message', request: { method: 'POST', url, headers: {}, body: '{}' }, idempotent: true, carriesSecret: false });
  const addresses = [
    'http://169.254.169.254/latest/meta-data/',
    'http://169.254.0.1/',
    'http://169.254.255.255:8080/x',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://[fd00:0ec2:0000:0000:0000:0000:0000:0254]/',
    'http://[fe80::1]/',
    'http://[febf:ffff::1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://2852039166/',
    'http://0xa9fea9fe/',
    'http://0251.0376.0251.0376/',
    'http://169.254.43518/',
    'https://metadata.google.internal/computeMetadata/v1/',
  ];
  for (const url of addresses) {
    test(`refused without a connection: ${url}`, async () => {
      await refused(plain(url), /is a link-local or cloud-metadata address and is never a delivery target/);
    });
  }

  test('neighbours are not refused: 169.253.x, 169.255.x, fd00:ec2::253, fec0::1', () => {
    for (const url of ['http://169.253.1.1/', 'http://169.255.0.1/', 'http://[fd00:ec2::253]/', 'http://[fec0::1]/']) assert.equal(refusal(plain(url)), undefined, url);
  });

  test('a host name that resolves to a link-local or metadata address is refused at connect time', () => {
    const answers: Record<string, LookupAddress[]> = {
      'metadata.alertcfg.invalid': [{ address: '169.254.169.254', family: 4 }],
      'imds6.alertcfg.invalid': [{ address: 'fd00:ec2::254', family: 6 }],
      'mixed.alertcfg.invalid': [{ address: '127.0.0.1', family: 4 }, { address: '169.254.1.1', family: 4 }],
      'ok.alertcfg.invalid': [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }],
    };
    const base: LookupFunction = (host, _o, cb) => cb(null, answers[host] ?? []);
    const guard = guardedLookup(base);
    const ask = (host: string, all: boolean) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) => guard(host, { all }, (err, address) => resolve({ err, address })));
    return (async () => {
      for (const host of ['metadata.alertcfg.invalid', 'imds6.alertcfg.invalid', 'mixed.alertcfg.invalid']) {
        for (const all of [true, false]) {
          const r = await ask(host, all);
          assert.equal(r.err?.code, 'ELINKLOCAL', host);
          assert.match(r.err!.message, new RegExp(`${host.replace(/\./g, '\\.')} resolves to \\S+, a link-local or cloud-metadata address, which is never a delivery target`));
        }
      }
      assert.deepEqual((await ask('ok.alertcfg.invalid', true)).address, answers['ok.alertcfg.invalid']);
      assert.equal((await ask('ok.alertcfg.invalid', false)).address, '127.0.0.1');
      assert.equal((await ask('nothing.alertcfg.invalid', true)).err?.code, 'ENOTFOUND');
    })();
  });

  test('the guarded lookup is the one connections use: a name resolved by it reaches a loopback stand-in', async () => {
    const s = await startServer(() => json(200, {}, 'ok'));
    try {
      const port = new URL(s.url).port;
      const asked: string[] = [];
      const lookup: LookupFunction = (host, options, cb) => {
        asked.push(host);
        const list = [{ address: '127.0.0.1', family: 4 }];
        if (options.all) cb(null, list);
        else cb(null, '127.0.0.1', 4);
      };
      const out = await deliver(plain(`http://stand-in.alertcfg.invalid:${port}/x`), { env: {}, lookup, timeoutMs: 2000 });
      assert.equal(out.answer?.status, 200);
      assert.deepEqual(asked, ['stand-in.alertcfg.invalid']);
      assert.equal(s.requests.length, 1);
    } finally {
      await s.close();
    }
  });
});

describe('an untrusted workspace never sends', () => {
  let c: LspClient;
  const stands: StandIn[] = [];
  let seen = () => 0;
  before(async () => {
    const dt = await startDingTalk({ accessToken: SECRETS['DINGTALK_TOKEN']! });
    const any = await startServer(() => json(200, { errcode: 0, code: 0 }, 'ok'));
    const hw = await startHuawei({ projectId: PROJECT, aksk: { ak: CREDENTIALS.huaweiAk, sk: CREDENTIALS.huaweiSk } });
    const tc = await startTencentReceiver();
    stands.push(dt, any, hw, tc);
    seen = () => stands.reduce((n, s) => n + s.requests.length, 0);
    // The server's environment has the cloud credentials (as a CLI user's would), so only the trust stops it.
    Object.assign(process.env, { HUAWEICLOUD_SDK_AK: CREDENTIALS.huaweiAk, HUAWEICLOUD_SDK_SK: CREDENTIALS.huaweiSk, VOLCENGINE_ACCESS_KEY: CREDENTIALS.volcAk, VOLCENGINE_SECRET_KEY: CREDENTIALS.volcSk, ZSTACK_SESSION_UUID: CREDENTIALS.zstack });
    c = await startLsp({ initializationOptions: { trusted: false } });
    c.open('contact.yaml', contact({ dingtalk: dt.url, lark: any.url, wecom: any.url, webhook: any.url, volcengine: any.url }).replace(/\$\{(env|secret):[^}]+\}/g, 'literal0123456789'));
    c.open('events.yaml', events({ huawei: hw.url }));
    c.open('keyops.yaml', keyOperations({ huawei: hw.url }));
    c.open('zstack.yaml', zstack({ zstack: any.url, dingtalk: dt.url }).replace(/\$\{(env|secret):[^}]+\}/g, 'literal0123456789'));
    c.open('alarm.yaml', alarm({ tencent: tc.url }).replace(/\$\{secret:[^}]+\}/g, 'pw'));
  });
  after(async () => {
    await c.shutdown();
    await Promise.all(stands.map((s) => s.close()));
  });

  const actions: [string, string, string?][] = [
    ['contact.yaml', 'alertcfg.send', 'dingtalk'],
    ['contact.yaml', 'alertcfg.send', 'lark'],
    ['contact.yaml', 'alertcfg.send', 'wecom'],
    ['contact.yaml', 'alertcfg.send', 'webhook'],
    ['contact.yaml', 'alertcfg.apply'],
    ['events.yaml', 'alertcfg.push'],
    ['events.yaml', 'alertcfg.clear'],
    ['keyops.yaml', 'alertcfg.apply'],
    ['zstack.yaml', 'alertcfg.send'],
    ['alarm.yaml', 'alertcfg.replay'],
  ];

  test('every network action is refused, with the reason, and no stand-in hears anything; then trust, then distrust again', async () => {
    const run = (file: string, command: string, channel?: string) =>
      c.request<{ success: boolean; problems: string[]; reports: unknown[]; writes?: number; plan?: { problems: string[] } }>('workspace/executeCommand', { command, arguments: [{ uri: c.uri(file), documentIndex: 0, ...(channel ? { channel } : {}) }] });
    // Apply converges (GitOps sync): it is refused before the cloud is even read.
    const refused = (r: Awaited<ReturnType<typeof run>>) => r.success === false || (r.writes === 0 && r.plan?.problems[0]?.includes('disabled in an untrusted workspace') === true);
    for (const [file, command, channel] of actions) {
      const r = await run(file, command, channel);
      if (command === 'alertcfg.apply') {
        assert.equal(r.writes, 0, `${command} ${file}`);
        assert.deepEqual(r.plan?.problems, ['GitOps sync (plan, apply, import) is disabled in an untrusted workspace: it reads and changes the cloud with your credentials. Trust the workspace first.']);
        continue;
      }
      assert.equal(r.success, false, `${command} ${file}`);
      assert.deepEqual(r.reports, []);
      assert.deepEqual(r.problems, ['Network actions are disabled in an untrusted workspace. Trust the workspace to send requests.']);
    }
    assert.equal(seen(), 0, 'nothing reached a stand-in');
    // Preview is not a network action: it works (masked) in an untrusted workspace.
    const preview = await c.request<{ requests: unknown[]; problems: string[] }>('workspace/executeCommand', { command: 'alertcfg.preview', arguments: [{ uri: c.uri('events.yaml'), documentIndex: 0, action: 'push' }] });
    assert.equal(preview.requests.length, 1);
    // Trusted: the same action goes out (the refusal was the trust, nothing else).
    c.notify('alertcfg/setTrusted', { trusted: true });
    const sent = await run('contact.yaml', 'alertcfg.send', 'dingtalk');
    assert.ok(sent.reports.length === 1, JSON.stringify(sent));
    const after1 = seen();
    assert.ok(after1 >= 1);
    // Trust withdrawn: refused again.
    c.notify('alertcfg/setTrusted', { trusted: false });
    for (const [file, command, channel] of actions) assert.ok(refused(await run(file, command, channel)), `${command} ${file}`);
    assert.equal(seen(), after1);
  });
});
