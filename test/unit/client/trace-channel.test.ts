/**
 * The masking output channel the language client writes to
 * (client/src/trace-channel.ts), in front of a recording channel: every way of
 * writing is masked, a secret written in pieces never shows, `replace` and
 * `clear` drop what is held, and the rest is passed through to the visible
 * channel unchanged.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MaskingLogChannel } from '../../../client/src/trace-channel';
import { TraceMasker } from '../../../client/src/trace-mask';
import { CREDENTIALS, LOG_LEVEL_TRACE, RecordingChannel, SECRETS, assertNoSecret } from './trace-fixtures';

function setup(): { channel: MaskingLogChannel; visible: RecordingChannel } {
  const masker = new TraceMasker();
  masker.register({ values: SECRETS });
  for (const c of Object.values(CREDENTIALS)) masker.register(c);
  const visible = new RecordingChannel();
  return { channel: new MaskingLogChannel(visible, masker), visible };
}

/** Each write alone, and the channel as read, hold no secret. */
function assertClean(visible: RecordingChannel): void {
  for (const [i, w] of visible.written.entries()) assertNoSecret(`write ${i} (${w.method})`, w.text);
  assertNoSecret('the channel', visible.text());
}

describe('log methods', () => {
  test('trace, debug, info, warn and error are masked, each to its own level', () => {
    const { channel, visible } = setup();
    channel.trace(`Sending response 'x - (1)'.\nResult: ${JSON.stringify({ s: SECRETS.quoted })}`);
    channel.debug(`debug ${SECRETS.unicode}`);
    channel.info(`info ${SECRETS.dingtalk}`);
    channel.warn(`warn ${CREDENTIALS.huawei.sk}`);
    channel.error(`error ${encodeURIComponent(CREDENTIALS.volcengine.secretAccessKey)}`);
    assert.deepEqual(
      visible.written.map((w) => w.method),
      ['trace', 'debug', 'info', 'warn', 'error'],
    );
    assertClean(visible);
    assert.equal(visible.written[2]!.text, 'info SEC****ef');
  });

  test('an Error is masked in its message and stack', () => {
    const { channel, visible } = setup();
    channel.error(new Error(`request failed with ${SECRETS.dingtalk}`));
    assertClean(visible);
    assert.match(visible.text(), /request failed with SEC\*\*\*\*ef/);
  });

  test('arguments are written after the message and masked with it', () => {
    const { channel, visible } = setup();
    channel.info('answer', { values: { a: SECRETS.dingtalk } }, CREDENTIALS.volcengine.sessionToken, 3);
    assertClean(visible);
    assert.equal(visible.written.length, 1);
    assert.match(visible.written[0]!.text, /^answer \{"values":\{"a":"SEC\*\*\*\*ef"\}\} tra\*\*\*\*07 3$/);
  });

  test('text without secrets passes through unchanged', () => {
    const { channel, visible } = setup();
    const texts = ["Sending request 'initialize - (0)'.", `Params: ${JSON.stringify({ processId: 1, rootUri: 'file:///w' }, null, 4)}`, 'The language server stopped; restarting in 1 s.'];
    for (const t of texts) channel.trace(t);
    channel.appendLine(texts[2]!);
    assert.deepEqual(
      visible.written.map((w) => w.text),
      [...texts, texts[2]],
    );
  });
});

describe('append and appendLine', () => {
  test('appendLine is masked', () => {
    const { channel, visible } = setup();
    channel.appendLine(`stderr: ${SECRETS.dingtalk} ${JSON.stringify(CREDENTIALS.huawei)}`);
    assertClean(visible);
    assert.deepEqual(visible.written.map((w) => w.method), ['appendLine']);
  });

  for (const [name, value] of Object.entries({ ...SECRETS, sk: CREDENTIALS.huawei.sk }).filter(([, v]) => v.length >= 4)) {
    test(`${name}: split at every position across two appends, it never shows`, () => {
      for (let at = 1; at < value.length; at++) {
        const { channel, visible } = setup();
        channel.append(`line with ${value.slice(0, at)}`);
        channel.append(`${value.slice(at)} end\nnext`);
        channel.append(' line\n');
        assertClean(visible);
        assert.equal(visible.text().split('\n').length, 3, `two lines and nothing after, split at ${at}: ${visible.text()}`);
        assert.match(visible.text(), /\*\*\*\*.* end\nnext line\n$/);
      }
    });
  }

  test('a secret split across three appends, and JSON-escaped, never shows', () => {
    const { channel, visible } = setup();
    const json = JSON.stringify({ values: { a: SECRETS.quoted } });
    const third = Math.floor(json.length / 3);
    channel.append(json.slice(0, third + 8));
    channel.append(json.slice(third + 8, 2 * third + 3));
    channel.append(`${json.slice(2 * third + 3)}\n`);
    assertClean(visible);
    assert.equal(JSON.parse(visible.text()).values.a, 'pa*****01');
  });

  test('a value spanning lines, written line by line, is held until whole and then masked', () => {
    const { channel, visible } = setup();
    const [first, second] = SECRETS.multiLine.split('\n') as [string, string];
    channel.appendLine('before');
    channel.appendLine(`x ${first}`);
    assert.equal(visible.text(), 'before\n', 'the line where the value may begin is held');
    channel.appendLine(`${second} y`);
    assertClean(visible);
    assert.equal(visible.text(), 'before\nx lin****03 y\n');
  });

  test('a held line is shown once it proves not to start the value', () => {
    const { channel, visible } = setup();
    const first = SECRETS.multiLine.split('\n')[0]!;
    channel.appendLine(`x ${first}`);
    channel.appendLine('something else');
    assert.equal(visible.text(), `x ${first}\nsomething else\n`);
  });
});

describe('replace, clear, dispose and the rest', () => {
  test('replace masks its text and drops what was held', () => {
    const { channel, visible } = setup();
    channel.append(`held ${SECRETS.dingtalk.slice(0, 10)}`);
    channel.replace(`replaced ${SECRETS.dingtalk}\n${SECRETS.unicode}`);
    channel.append(`${SECRETS.dingtalk.slice(10)}\n`);
    assertClean(visible);
    assert.deepEqual(visible.written.map((w) => w.method), ['replace', 'appendLine']);
    assert.equal(visible.written[0]!.text, 'replaced SEC****ef\n密钥-****02');
  });

  test('clear clears and drops what was held', () => {
    const { channel, visible } = setup();
    channel.append(`held ${SECRETS.dingtalk.slice(0, 10)}`);
    channel.clear();
    channel.appendLine('after');
    assert.deepEqual(visible.written, [
      { method: 'clear', text: '' },
      { method: 'appendLine', text: 'after' },
    ]);
  });

  test('dispose drops an unfinished line, which may end in the start of a secret, and leaves the visible channel open', () => {
    const { channel, visible } = setup();
    channel.appendLine('shown');
    channel.append(`last words ${SECRETS.dingtalk.slice(0, 12)}`);
    channel.appendLine(SECRETS.multiLine.split('\n')[0]!);
    channel.dispose();
    channel.dispose();
    assertClean(visible);
    assert.deepEqual(visible.written, [{ method: 'appendLine', text: 'shown' }]);
    assert.equal(visible.disposed, 0);
  });

  test('name, log level and its changes, show and hide are the visible channel’s', () => {
    const { channel, visible } = setup();
    assert.equal(channel.name, 'Alert Config');
    assert.equal(channel.logLevel, LOG_LEVEL_TRACE);
    visible.logLevel = 3 as typeof visible.logLevel;
    assert.equal(channel.logLevel, 3);
    const seen: unknown[] = [];
    channel.onDidChangeLogLevel((l) => seen.push(l));
    for (const l of visible.listeners) l(LOG_LEVEL_TRACE);
    assert.deepEqual(seen, [LOG_LEVEL_TRACE]);
    channel.show(true);
    channel.show(2 as Parameters<typeof channel.show>[0] & number, false);
    channel.show();
    channel.hide();
    assert.deepEqual(visible.shown, [[true], [2, false], [undefined]]);
    assert.equal(visible.hidden, 1);
  });
});
