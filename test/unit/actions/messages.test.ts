/**
 * Test messages in each bot's own format (research.md §A–C): DingTalk text and
 * markdown with `at` and the `@<mobile>` DingTalk requires in the text; Lark
 * `<at user_id=...>` tags; WeCom mentioned lists; the generic webhook document;
 * and the message template.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate } from '../../../server/src/engine/actions/messages';
import { dingtalkMarkdown, dingtalkText } from '../../../server/src/engine/vendors/dingtalk';
import { larkText } from '../../../server/src/engine/vendors/lark';
import { webhookPayload } from '../../../server/src/engine/vendors/webhook';
import { wecomText } from '../../../server/src/engine/vendors/wecom';

const TIME = new Date('2024-05-20T07:00:00Z');

describe('DingTalk text', () => {
  test('no mentions: only msgtype and text, no at object', () => {
    assert.equal(JSON.stringify(dingtalkText('hello')), '{"msgtype":"text","text":{"content":"hello"}}');
    assert.equal(JSON.stringify(dingtalkText('hello', { atMobiles: [], atUserIds: [], isAtAll: false })), '{"msgtype":"text","text":{"content":"hello"}}');
  });

  test('@<mobile> appended when the text lacks it; at.atMobiles set', () => {
    assert.deepEqual(dingtalkText('disk full', { atMobiles: ['13800000000', '13900000000'] }), {
      msgtype: 'text',
      text: { content: 'disk full @13800000000 @13900000000' },
      at: { atMobiles: ['13800000000', '13900000000'] },
    });
  });

  test('@<mobile> not repeated when the text already has it; only the missing one is added', () => {
    assert.deepEqual(dingtalkText('call @13800000000 now', { atMobiles: ['13800000000', '13900000000'] }), {
      msgtype: 'text',
      text: { content: 'call @13800000000 now @13900000000' },
      at: { atMobiles: ['13800000000', '13900000000'] },
    });
    assert.deepEqual(dingtalkText('@13800000000 hi', { atMobiles: ['13800000000'] }).text, { content: '@13800000000 hi' });
  });

  test('atUserIds: @<userId> in the text, at.atUserIds set', () => {
    assert.deepEqual(dingtalkText('hi', { atUserIds: ['manager01'] }), { msgtype: 'text', text: { content: 'hi @manager01' }, at: { atUserIds: ['manager01'] } });
  });

  test('isAtAll: at.isAtAll true, text unchanged', () => {
    assert.equal(JSON.stringify(dingtalkText('everyone', { isAtAll: true })), '{"msgtype":"text","text":{"content":"everyone"},"at":{"isAtAll":true}}');
  });

  test('the three together, key order atMobiles, atUserIds, isAtAll', () => {
    assert.equal(
      JSON.stringify(dingtalkText('x', { isAtAll: true, atUserIds: ['u1'], atMobiles: ['13800000000'] })),
      '{"msgtype":"text","text":{"content":"x @13800000000 @u1"},"at":{"atMobiles":["13800000000"],"atUserIds":["u1"],"isAtAll":true}}',
    );
  });
});

describe('DingTalk markdown', () => {
  test('title and text; @mobile appended to the text only when missing; at omitted when empty', () => {
    assert.equal(JSON.stringify(dingtalkMarkdown('Alert', '### disk full')), '{"msgtype":"markdown","markdown":{"title":"Alert","text":"### disk full"}}');
    assert.deepEqual(dingtalkMarkdown('Alert', '### disk full', { atMobiles: ['13800000000'] }), {
      msgtype: 'markdown',
      markdown: { title: 'Alert', text: '### disk full @13800000000' },
      at: { atMobiles: ['13800000000'] },
    });
    assert.deepEqual(dingtalkMarkdown('Alert', 'ping @13800000000', { atMobiles: ['13800000000'] }).markdown, { title: 'Alert', text: 'ping @13800000000' });
  });
});

describe('Lark text', () => {
  test('plain text: msg_type text, content.text', () => {
    assert.equal(JSON.stringify(larkText('hello')), '{"msg_type":"text","content":{"text":"hello"}}');
  });

  test('<at user_id="..."> tags for user ids; @all as user_id="all"', () => {
    assert.deepEqual(larkText('hello', { userIds: ['ou_123', 'ou_456'] }), { msg_type: 'text', content: { text: 'hello <at user_id="ou_123"></at> <at user_id="ou_456"></at>' } });
    assert.deepEqual(larkText('hello', { all: true }), { msg_type: 'text', content: { text: 'hello <at user_id="all">所有人</at>' } });
    assert.deepEqual(larkText('hello', { all: true, userIds: ['ou_1'] }).content, { text: 'hello <at user_id="all">所有人</at> <at user_id="ou_1"></at>' });
  });
});

describe('WeCom text', () => {
  test('plain text: no mentioned lists', () => {
    assert.equal(JSON.stringify(wecomText('hello')), '{"msgtype":"text","text":{"content":"hello"}}');
    assert.equal(JSON.stringify(wecomText('hello', { userIds: [], mobiles: [] })), '{"msgtype":"text","text":{"content":"hello"}}');
  });

  test('mentioned_list and mentioned_mobile_list (including @all)', () => {
    assert.equal(
      JSON.stringify(wecomText('hello', { userIds: ['zhangsan', '@all'], mobiles: ['13800000000'] })),
      '{"msgtype":"text","text":{"content":"hello","mentioned_list":["zhangsan","@all"],"mentioned_mobile_list":["13800000000"]}}',
    );
  });
});

describe('generic webhook document', () => {
  test('source, type, kind, name, message, time (ISO UTC)', () => {
    assert.equal(
      JSON.stringify(webhookPayload('hi', { name: 'sre-oncall', kind: 'Contact', time: TIME })),
      '{"source":"alertcfg","type":"test","kind":"Contact","name":"sre-oncall","message":"hi","time":"2024-05-20T07:00:00.000Z"}',
    );
  });
});

describe('message template', () => {
  test('{name}, {kind}, {time} replaced, each occurrence', () => {
    assert.equal(renderTemplate('alertcfg test message from {name} ({kind}) at {time}', { name: 'sre-oncall', kind: 'Contact', time: TIME }), 'alertcfg test message from sre-oncall (Contact) at 2024-05-20T07:00:00.000Z');
    assert.equal(renderTemplate('{name}/{name} {kind}{kind}', { name: 'a', kind: 'B', time: TIME }), 'a/a BB');
  });

  test('other braces and unknown placeholders are left alone', () => {
    assert.equal(renderTemplate('{unknown} {NAME} {} {name}', { name: 'n', kind: 'k', time: TIME }), '{unknown} {NAME} {} n');
  });

  test('a name containing a placeholder is not expanded again', () => {
    assert.equal(renderTemplate('{name} at {time}', { name: '{kind}', kind: 'Contact', time: TIME }), '{kind} at 2024-05-20T07:00:00.000Z');
  });

  test("a name with `$&` or `$$` is inserted as written (not as a replacement pattern)", () => {
    assert.equal(renderTemplate('from {name}', { name: 'cost-$&-$$', kind: 'Contact', time: TIME }), 'from cost-$&-$$');
  });
});
