/**
 * The Volcengine VMP stand-in as a stateful fake for plan/apply/prune/import:
 * every action answers like VMP for a request signed by the official Signer
 * and refuses the same request with one changed byte; list pagination, update
 * and delete semantics; the test hooks (state, write log, failWhen, script).
 * The bot tests "through the cloud" are in standins-sync-bots.test.ts.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import type { StandIn } from './server';
import { startVolcengine, type VolcengineOptions } from './volcengine';
import { send, volcengineClient } from './sdk-clients';

const AK = 'AKLTsync';
const SK = 'c3luYy1zZWNyZXQ=';

const opened: StandIn[] = [];
after(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

async function fake(options: Partial<VolcengineOptions> = {}) {
  const vc = await startVolcengine({ accessKeyId: AK, secretAccessKey: SK, ...options });
  opened.push(vc);
  return { vc, api: volcengineClient(vc.url, AK, SK) };
}

const DINGTALK = { Address: 'https://oapi.dingtalk.com/robot/send?access_token=abc', SecretKey: 'SECabc', AtMobiles: ['13800000000'] };
const WEBHOOK = { Address: 'https://hooks.example.com/alert', Token: 'tok123' };

describe('Volcengine stand-in: every action is signed and checked', () => {
  test('each action answers 200 when signed and 401 SignatureDoesNotMatch with one changed body byte, leaving the state alone', async () => {
    const { vc, api } = await fake();
    const { Id: id } = await api.result('CreateContact', { Name: 'sre', Email: 'sre@example.com' });
    const calls: [string, Record<string, unknown>][] = [
      ['ListContacts', { PageNumber: 1, PageSize: 10, Filter: { Name: 'sre' } }],
      ['GetContact', { Id: id }],
      ['UpdateContact', { Id: id, Name: 'sre-2' }],
      ['TestWebhook', { Address: 'https://hooks.example.com/x', Token: 'tok' }],
      ['TestDingTalkBotWebhook', { Address: 'https://oapi.dingtalk.com/robot/send?access_token=a' }],
      ['TestLarkBotWebhook', { Address: 'https://open.feishu.cn/open-apis/bot/v2/hook/a' }],
      ['TestWeComBotWebhook', { Address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a' }],
      ['DeleteContacts', { Ids: [id] }],
      ['CreateContact', { Name: 'ops' }],
    ];
    for (const [action, body] of calls) {
      const signed = api.sign(action, body);
      // A changed value in the body: the signature no longer matches.
      const tampered = await send({ ...signed, body: signed.body!.replace(/"(\w)/, (_m, c: string) => `"${c === 'a' ? 'b' : 'a'}`) });
      assert.equal(tampered.status, 401, action);
      assert.equal(tampered.json.ResponseMetadata.Error.Code, 'SignatureDoesNotMatch', action);
      assert.equal(tampered.json.ResponseMetadata.Action, action);
      assert.equal(tampered.json.Result, undefined);
      // The same headers with another action in the URL: the query is signed too.
      const otherAction = await send({ ...signed, url: signed.url.replace(`Action=${action}`, action === 'GetContact' ? 'Action=ListContacts' : 'Action=GetContact') });
      assert.equal(otherAction.json.ResponseMetadata.Error.Code, 'SignatureDoesNotMatch', action);
      const ok = await send(signed);
      assert.equal(ok.status, 200, `${action}: ${ok.text}`);
      assert.deepEqual({ ...ok.json.ResponseMetadata, RequestId: 'x' }, { RequestId: 'x', Action: action, Version: '2021-03-03', Service: 'vmp', Region: 'cn-beijing' });
      assert.ok(ok.json.Result, action);
    }
    assert.deepEqual([...vc.contacts.keys()], ['ops']);
    // Tampered writes changed nothing: the rename and the delete each happened once.
    assert.deepEqual(vc.writes.map((w) => `${w.action} ${w.verdict.split(' ')[0]}`), [
      'CreateContact ok',
      'UpdateContact SignatureDoesNotMatch',
      'UpdateContact ok',
      'DeleteContacts SignatureDoesNotMatch',
      'DeleteContacts ok',
      'CreateContact SignatureDoesNotMatch',
      'CreateContact ok',
    ]);
  });

  test('another Action or Version → 404 InvalidActionOrVersion; a body that is not JSON → 400 InvalidParameter', async () => {
    const { api } = await fake();
    const unknown = await api.call('ListContactGroupsX', {});
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.ResponseMetadata.Error.Code, 'InvalidActionOrVersion');
    const oldVersion = await send(api.sign('ListContacts', {}, '2020-01-01'));
    assert.equal(oldVersion.status, 404);
    const r = await api.call('ListContacts', 'x');
    assert.equal(r.status, 400);
    assert.equal(r.json.ResponseMetadata.Error.Code, 'InvalidParameter');
  });
});

describe('Volcengine stand-in: CreateContact and ListContacts', () => {
  test('create stores the whole body; the item carries every channel, absent ones empty; RFC 3339 CreateTime; EmailActive false', async () => {
    const { vc, api } = await fake();
    const body = { Name: 'oncall', Email: 'oncall@example.com', ContactGroupIds: ['g1'], Webhook: WEBHOOK, DingTalkBotWebhook: DINGTALK };
    const { Id } = await api.result('CreateContact', body);
    assert.deepEqual(vc.contactsById.get(Id)!.body, body);
    assert.equal(vc.contacts.get('oncall')!.id, Id);
    const list = await api.result('ListContacts', {});
    assert.equal(list.Total, 1);
    const item = list.Items[0];
    assert.match(item.CreateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    assert.deepEqual({ ...item, CreateTime: 'T' }, {
      Id,
      Name: 'oncall',
      Email: 'oncall@example.com',
      EmailActive: false,
      CreateTime: 'T',
      ContactGroupIds: ['g1'],
      Webhook: { Address: 'https://hooks.example.com/alert', Token: 'tok123' },
      LarkBotWebhook: { Address: '', SecretKey: '' },
      DingTalkBotWebhook: { Address: DINGTALK.Address, SecretKey: 'SECabc', AtMobiles: ['13800000000'], AtUserIds: [] },
      WeComBotWebhook: { Address: '', AtUserIds: [] },
    });
  });

  test("channelForm 'omit' leaves absent channels out; secrets 'masked' and 'omitted'", async () => {
    const body = { Name: 'c', Webhook: WEBHOOK, LarkBotWebhook: { Address: 'https://open.feishu.cn/open-apis/bot/v2/hook/x', SecretKey: 'lark-s' }, DingTalkBotWebhook: { Address: DINGTALK.Address } };
    const omit = await fake({ channelForm: 'omit', secrets: 'masked' });
    await omit.api.result('CreateContact', body);
    const [item] = (await omit.api.result('ListContacts', {})).Items;
    assert.deepEqual(Object.keys(item).filter((k) => k.endsWith('Webhook')), ['Webhook', 'LarkBotWebhook', 'DingTalkBotWebhook']);
    assert.equal(item.Webhook.Token, '******');
    assert.equal(item.LarkBotWebhook.SecretKey, '******');
    assert.equal(item.DingTalkBotWebhook.SecretKey, '', 'an unset secret stays empty when masked');
    const omitted = await fake({ secrets: 'omitted' });
    const { Id } = await omitted.api.result('CreateContact', body);
    const got = await omitted.api.result('GetContact', { Id });
    assert.deepEqual(got.Webhook, { Address: WEBHOOK.Address });
    assert.deepEqual(got.LarkBotWebhook, { Address: body.LarkBotWebhook.Address });
    assert.deepEqual(got.WeComBotWebhook, { Address: '', AtUserIds: [] });
    assert.deepEqual(got.LarkBot, { ChatID: '', GroupName: '', TenantKey: '' });
  });

  test('pagination: none, exactly one page, one more than a page; PageSize bounds; default 10', async () => {
    const { vc, api } = await fake();
    assert.deepEqual(await api.result('ListContacts', { PageSize: 3 }), { Total: 0, Items: [] });
    for (const n of ['a', 'b', 'c']) await api.result('CreateContact', { Name: n });
    const names = (r: any) => r.Items.map((i: any) => i.Name);
    const one = await api.result('ListContacts', { PageSize: 3 });
    assert.equal(one.Total, 3);
    assert.deepEqual(names(one), ['a', 'b', 'c']);
    assert.deepEqual(await api.result('ListContacts', { PageSize: 3, PageNumber: 2 }), { Total: 3, Items: [] });
    await api.result('CreateContact', { Name: 'd' });
    assert.deepEqual(names(await api.result('ListContacts', { PageSize: 3, PageNumber: 2 })), ['d']);
    assert.deepEqual(names(await api.result('ListContacts', { PageSize: 3, SortBy: 'CreatedAt', SortOrder: 'Desc' })), ['d', 'c', 'b']);
    for (let i = 0; i < 8; i++) vc.addContact({ Name: `x${i}` });
    const dflt = await api.result('ListContacts', {});
    assert.equal(dflt.Total, 12);
    assert.equal(dflt.Items.length, 10);
    assert.equal((await api.result('ListContacts', { PageSize: 0 })).Items.length, 10, 'PageSize 0 is taken as the default');
    assert.equal((await api.result('ListContacts', { PageSize: 100 })).Items.length, 12);
    for (const [field, value] of [['PageSize', 101], ['PageSize', -1], ['PageSize', 'ten'], ['PageNumber', 0]] as const) {
      const bad = await api.call('ListContacts', { [field]: value });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.ResponseMetadata.Error.Code, `InvalidParameter.${field}`);
    }
  });

  test('maxPageSize: pages smaller than asked, so only Total tells when the walk is done', async () => {
    const { vc, api } = await fake({ maxPageSize: 2 });
    for (let i = 0; i < 5; i++) vc.addContact({ Name: `c${i}` });
    const first = await api.result('ListContacts', { PageSize: 100 });
    assert.equal(first.Total, 5);
    assert.equal(first.Items.length, 2);
    const seen: string[] = [];
    for (let page = 1; seen.length < first.Total; page++) {
      const r = await api.result('ListContacts', { PageSize: 100, PageNumber: page });
      assert.ok(r.Items.length > 0, `page ${page} is empty before Total was reached`);
      seen.push(...r.Items.map((i: any) => i.Name));
    }
    assert.deepEqual(seen, ['c0', 'c1', 'c2', 'c3', 'c4']);
    assert.deepEqual((await api.result('ListContacts', { PageSize: 100, PageNumber: 3 })).Items.map((i: any) => i.Name), ['c4']);
  });

  test('filters: Ids exact, Name and Email by substring, ContactGroupIds', async () => {
    const { api } = await fake();
    const a = await api.result('CreateContact', { Name: 'sre-oncall', Email: 'sre@example.com', ContactGroupIds: ['g1'] });
    const b = await api.result('CreateContact', { Name: 'oncall', Email: 'ops@example.org' });
    await api.result('CreateContact', { Name: 'db', ContactGroupIds: ['g2'] });
    const names = async (Filter: unknown) => (await api.result('ListContacts', { Filter })).Items.map((i: any) => i.Name);
    assert.deepEqual(await names({ Ids: [b.Id] }), ['oncall']);
    assert.deepEqual(await names({ Ids: [a.Id.slice(0, 8)] }), []);
    assert.deepEqual(await names({ Name: 'oncall' }), ['sre-oncall', 'oncall']);
    assert.deepEqual(await names({ Email: 'example.org' }), ['oncall']);
    assert.deepEqual(await names({ ContactGroupIds: ['g2', 'g3'] }), ['db']);
    assert.equal((await api.call('ListContacts', { Filter: { Ids: 'x' } })).json.ResponseMetadata.Error.Code, 'InvalidParameter.Filter.Ids');
  });

  test('existingNames are contacts from the start: listed, and Conflict.Name on create', async () => {
    const { api } = await fake({ existingNames: ['taken'] });
    assert.deepEqual((await api.result('ListContacts', {})).Items.map((i: any) => i.Name), ['taken']);
    const dup = await api.call('CreateContact', { Name: 'taken' });
    assert.equal(dup.status, 409);
    assert.equal(dup.json.ResponseMetadata.Error.Code, 'Conflict.Name');
  });
});

describe('Volcengine stand-in: GetContact, UpdateContact, DeleteContacts', () => {
  test('GetContact: known, unknown → 404 NotFound.Contact, no Id → 400 MissingParameter.Id', async () => {
    const { api } = await fake();
    const { Id } = await api.result('CreateContact', { Name: 'g', Email: 'g@example.com' });
    const got = await api.result('GetContact', { Id });
    assert.equal(got.Id, Id);
    assert.equal(got.Email, 'g@example.com');
    const unknown = await api.call('GetContact', { Id: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.ResponseMetadata.Error.Code, 'NotFound.Contact');
    const missing = await api.call('GetContact', {});
    assert.equal(missing.status, 400);
    assert.equal(missing.json.ResponseMetadata.Error.Code, 'MissingParameter.Id');
  });

  test('UpdateContact: Name/Email kept when omitted; a given channel replaces, an empty Address removes, an omitted one is kept', async () => {
    const { vc, api } = await fake();
    const { Id } = await api.result('CreateContact', { Name: 'u', Email: 'u@example.com', Webhook: WEBHOOK, DingTalkBotWebhook: DINGTALK });
    const res = await api.call('UpdateContact', { Id, WeComBotWebhook: { Address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', AtUserIds: ['zs'] }, DingTalkBotWebhook: { Address: '', SecretKey: '' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.Result, { Id, Message: '', SendStatus: '' });
    const got = await api.result('GetContact', { Id });
    assert.equal(got.Name, 'u');
    assert.equal(got.Email, 'u@example.com');
    assert.deepEqual(got.Webhook, WEBHOOK, 'omitted channel kept');
    assert.deepEqual(got.DingTalkBotWebhook, { Address: '', SecretKey: '', AtMobiles: [], AtUserIds: [] }, 'empty Address removed it');
    assert.deepEqual(got.WeComBotWebhook, { Address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', AtUserIds: ['zs'] });
    assert.equal(vc.contactsById.get(Id)!.body['DingTalkBotWebhook'], undefined);
    await api.result('UpdateContact', { Id, ContactGroupIds: ['g9'], Email: 'new@example.com' });
    const again = await api.result('GetContact', { Id });
    assert.deepEqual(again.ContactGroupIds, ['g9']);
    assert.equal(again.Email, 'new@example.com');
  });

  test("UpdateContact with omittedChannel 'clear' removes the channels it was not given", async () => {
    const { api } = await fake({ omittedChannel: 'clear', channelForm: 'omit' });
    const { Id } = await api.result('CreateContact', { Name: 'u', Webhook: WEBHOOK, DingTalkBotWebhook: DINGTALK });
    await api.result('UpdateContact', { Id, DingTalkBotWebhook: DINGTALK });
    const got = await api.result('GetContact', { Id });
    assert.equal(got.Webhook, undefined);
    assert.deepEqual(got.DingTalkBotWebhook, { ...DINGTALK, AtUserIds: [] });
  });

  test('UpdateContact: rename onto another name → 409 Conflict.Name (nothing changed); own name fine; missing and unknown Id', async () => {
    const { vc, api } = await fake();
    const a = await api.result('CreateContact', { Name: 'a' });
    await api.result('CreateContact', { Name: 'b' });
    const clash = await api.call('UpdateContact', { Id: a.Id, Name: 'b', Webhook: WEBHOOK });
    assert.equal(clash.status, 409);
    assert.equal(clash.json.ResponseMetadata.Error.Code, 'Conflict.Name');
    assert.deepEqual(vc.contactsById.get(a.Id)!.body, { Name: 'a' });
    assert.equal((await api.call('UpdateContact', { Id: a.Id, Name: 'a' })).status, 200);
    assert.equal((await api.call('UpdateContact', { Id: a.Id, Name: 'a2' })).status, 200);
    assert.deepEqual([...vc.contacts.keys()], ['a2', 'b']);
    const missing = await api.call('UpdateContact', { Name: 'x' });
    assert.equal(missing.status, 400);
    assert.equal(missing.json.ResponseMetadata.Error.Code, 'MissingParameter.Id');
    const unknown = await api.call('UpdateContact', { Id: 'nope', Name: 'x' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.ResponseMetadata.Error.Code, 'NotFound.Contact');
    assert.equal((await api.call('UpdateContact', { Id: a.Id, Email: 'not-an-email' })).json.ResponseMetadata.Error.Code, 'InvalidParameter.Email');
  });

  test('DeleteContacts: known ids deleted, unknown ones reported as NotFound.Ids with HTTP 200; missing or empty Ids → 400', async () => {
    const { vc, api } = await fake();
    const a = await api.result('CreateContact', { Name: 'a' });
    const b = await api.result('CreateContact', { Name: 'b' });
    const ghost = '603c20ce-e0eb-4206-90ef-7962b95c0afa';
    const r = await api.call('DeleteContacts', { Ids: [a.Id, ghost] });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.Result, {
      SuccessfulItems: [a.Id],
      UnsuccessfulItems: [{ Id: ghost, Error: { Code: 'NotFound.Ids', Message: `The specified Contact ${ghost} is not found.`, Data: {} } }],
    });
    assert.deepEqual([...vc.contactsById.keys()], [b.Id]);
    for (const body of [{}, { Ids: [] }]) {
      const bad = await api.call('DeleteContacts', body);
      assert.equal(bad.status, 400);
      assert.equal(bad.json.ResponseMetadata.Error.Code, 'MissingParameter.Ids');
    }
    // The name is free again.
    assert.equal((await api.call('CreateContact', { Name: 'a' })).status, 200);
  });
});

describe('Volcengine stand-in: test hooks', () => {
  test('drift through the state: a changed field, a contact added in the console, one deleted; the old contacts Map is a live view', async () => {
    const { vc, api } = await fake();
    const { Id } = await api.result('CreateContact', { Name: 'keep', Email: 'k@example.com' });
    const gone = await api.result('CreateContact', { Name: 'gone' });
    vc.contactsById.get(Id)!.body['Email'] = 'console@example.com';
    const extra = vc.addContact({ Name: 'console-made', Webhook: WEBHOOK });
    vc.contactsById.delete(gone.Id);
    const items = (await api.result('ListContacts', {})).Items;
    assert.deepEqual(items.map((i: any) => [i.Name, i.Email]), [['keep', 'console@example.com'], ['console-made', '']]);
    assert.equal(items[1].Id, extra.id);
    assert.deepEqual([...vc.contacts.keys()], ['keep', 'console-made']);
    assert.equal(vc.contacts.size, 2);
    vc.contacts.delete('console-made');
    assert.equal((await api.result('ListContacts', {})).Total, 1);
  });

  test('writes: reads are not writes; a second identical apply can be seen to send none', async () => {
    const { vc, api } = await fake();
    await api.result('ListContacts', {});
    assert.equal(vc.writes.length, 0);
    const { Id } = await api.result('CreateContact', { Name: 'w' });
    await api.result('UpdateContact', { Id, Email: 'w@example.com' });
    await api.result('GetContact', { Id });
    assert.deepEqual(vc.writes.map((w) => w.action), ['CreateContact', 'UpdateContact']);
    assert.deepEqual(vc.writes[1]!.body, { Id, Email: 'w@example.com' });
    assert.equal(vc.writes[1]!.verdict, 'ok');
  });

  test('failWhen fails one chosen request in the vendor envelope (or raw); script behaviours still apply and count as writes', async () => {
    const { vc, api } = await fake({
      failWhen: (action, body) =>
        action === 'UpdateContact' && body['Name'] === 'boom'
          ? { status: 403, code: 'ProductUnsubscribed', message: 'VMP is not activated.' }
          : action === 'DeleteContacts'
            ? { status: 502, body: 'Bad Gateway' }
            : undefined,
    });
    const { Id } = await api.result('CreateContact', { Name: 'f' });
    const failed = await api.call('UpdateContact', { Id, Name: 'boom' });
    assert.equal(failed.status, 403);
    assert.equal(failed.json.ResponseMetadata.Error.Code, 'ProductUnsubscribed');
    assert.equal(failed.json.ResponseMetadata.Action, 'UpdateContact');
    assert.equal(vc.contactsById.get(Id)!.body['Name'], 'f', 'the failed update changed nothing');
    assert.equal((await api.call('UpdateContact', { Id, Name: 'fine' })).status, 200);
    const raw = await api.call('DeleteContacts', { Ids: [Id] });
    assert.equal(raw.status, 502);
    assert.equal(raw.text, 'Bad Gateway');
    assert.equal(vc.contactsById.size, 1);
    vc.script.push({ status: 429, body: { ResponseMetadata: { Error: { Code: 'FlowLimitExceeded', Message: 'slow down' } } }, headers: { 'Retry-After': '1' } }, 'reset');
    const limited = await api.call('UpdateContact', { Id, Name: 'later' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '1');
    await assert.rejects(api.call('UpdateContact', { Id, Name: 'later' }));
    assert.equal((await api.call('UpdateContact', { Id, Name: 'later' })).status, 200);
    assert.deepEqual(vc.writes.map((w) => w.verdict.split(':')[0]), ['ok', 'failWhen', 'ok', 'failWhen', 'scripted', 'scripted', 'ok']);
  });
});
