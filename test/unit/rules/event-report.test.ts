/**
 * Huawei AOM events: starts_at when reporting; id and ends_at when clearing;
 * timestamps in epoch milliseconds (a date string gets the epoch value for the
 * quick fix; a 10-digit number looks like seconds); ends_at after starts_at; the
 * doc's ambiguous 4,320,000 ms timeout; metadata fields and limits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check, lines } from '../../helpers/findings';

const PROJECT = '24edf66e79d04187acb99a463e610764';
/** Lines 1-9; the first event key is on line 10. */
const REPORT = ['apiVersion: alertcfg/v1', 'kind: EventReport', 'metadata:', '  name: disk-full', 'target:', '  region: cn-north-4', `  projectId: ${PROJECT}`, 'spec:', '  events:'];
/** Lines 1-10 (`action: clear` on line 8); the first event key is on line 11. */
const CLEAR = [...REPORT.slice(0, 7), 'action: clear', ...REPORT.slice(7)];
/** Seven lines: `metadata:` and its six required fields. */
const META_ONLY = ['      metadata:', '        event_name: disk-full', '        event_severity: Major', '        event_type: alarm', '        resource_provider: ecs', '        resource_type: vm', '        resource_id: ecs-0123'];
/** The metadata, then the alarm's timeout (a report of an alarm without one is timeout-missing). */
const META = [...META_ONLY, '      timeout: 259200000'];
const brief3 = (text: string) => check(text).map((d) => `${d.code} ${d.severity} ${d.range}`);

test('starts-at-required: an event reported without starts_at, on the event\'s first key', () => {
  const found = check(lines(...REPORT, '    - timeout: 259200000', ...META_ONLY));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['starts-at-required error 10:7-10:14']);
  assert.deepEqual(found[0]!.data?.path, ['spec', 'events', 0]);
  assert.equal(found[0]!.data?.['property'], 'starts_at');
});

test('starts-at-required passes with starts_at', () => {
  assert.deepEqual(brief(lines(...REPORT, '    - starts_at: 1716188400000', '      timeout: 259200000', ...META_ONLY)), []);
});

test('clear-requires-id: an event cleared without id', () => {
  assert.deepEqual(brief(lines(...CLEAR, '    - ends_at: 1716192000000', ...META)), ['clear-requires-id error 11:7-11:14']);
});

test('clear-without-ends-at: an event cleared without ends_at is a warning', () => {
  assert.deepEqual(brief(lines(...CLEAR, '    - id: 6d7c5d8a-disk-full-ecs-0123', ...META)), ['clear-without-ends-at warning 11:7-11:9']);
});

test('clearing without id and ends_at reports both; starts_at is not required when clearing', () => {
  assert.deepEqual(brief(lines(...CLEAR, '    - starts_at: 1716188400000', ...META)), ['clear-requires-id error 11:7-11:16', 'clear-without-ends-at warning 11:7-11:16']);
  assert.deepEqual(brief(lines(...CLEAR, '    - id: 6d7c5d8a-disk-full-ecs-0123', '      ends_at: 1716192000000', ...META)), []);
});

test('timestamp-in-seconds: a 10-digit starts_at, with the value in ms for the quick fix', () => {
  const found = check(lines(...REPORT, '    - starts_at: 1716188400', ...META));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['timestamp-in-seconds warning 10:18-10:28']);
  assert.equal(found[0]!.data?.['epochMs'], 1716188400000);
  assert.match(found[0]!.message, /2024-05-20T07:00:00\.000Z/);
});

test('timestamp-in-seconds: ends_at when clearing', () => {
  const found = check(lines(...CLEAR, '    - id: 6d7c5d8a-disk-full-ecs-0123', '      ends_at: 1716192000', ...META));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['timestamp-in-seconds warning 12:16-12:26']);
  assert.equal(found[0]!.data?.['epochMs'], 1716192000000);
});

test('timestamp-in-seconds passes for milliseconds and for ends_at 0 (not cleared)', () => {
  assert.deepEqual(brief(lines(...REPORT, '    - starts_at: 1716188400000', '      ends_at: 0', ...META)), []);
});

test('timestamp-not-epoch-ms: a date and time, read as UTC, with its epoch ms', () => {
  // date -u -d '2024-10-16 16:03:01' +%s%3N → 1729094581000
  const found = check(lines(...REPORT, '    - starts_at: "2024-10-16 16:03:01"', ...META));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['timestamp-not-epoch-ms error 10:18-10:39']);
  assert.equal(found[0]!.data?.['epochMs'], 1729094581000);
  assert.match(found[0]!.message, /use 1729094581000/);
});

test('timestamp-not-epoch-ms: a plain date, and a time with a zone offset', () => {
  // date -u -d '2024-10-16' +%s%3N → 1729036800000
  const day = check(lines(...REPORT, '    - starts_at: 2024-10-16', ...META));
  assert.deepEqual(day.map((d) => `${d.code} ${d.severity} ${d.range}`), ['timestamp-not-epoch-ms error 10:18-10:28']);
  assert.equal(day[0]!.data?.['epochMs'], 1729036800000);
  // date -u -d '2024-10-16T16:03:01+08:00' +%s%3N → 1729065781000
  const zoned = check(lines(...REPORT, '    - starts_at: 2024-10-16T16:03:01+08:00', ...META));
  assert.deepEqual(zoned.map((d) => `${d.code} ${d.severity} ${d.range}`), ['timestamp-not-epoch-ms error 10:18-10:43']);
  assert.equal(zoned[0]!.data?.['epochMs'], 1729065781000);
});

test('timestamp-not-epoch-ms: a string that is no date has no epoch value to offer', () => {
  const found = check(lines(...REPORT, '    - starts_at: yesterday', ...META));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['timestamp-not-epoch-ms error 10:18-10:27']);
  assert.equal(found[0]!.data?.['epochMs'], undefined);
});

test('ends-before-starts: on the ends_at value of a report, a warning', () => {
  const text = lines(...REPORT, '    - starts_at: 1716192000000', '      ends_at: 1716188400000', ...META);
  assert.deepEqual(brief(text), ['ends-before-starts warning 11:16-11:29']);
});

test('clear-ends-before-starts: a clear that ends the alarm before it began is an error', () => {
  const text = lines(...CLEAR, '    - id: 6d7c5d8a-disk-full-ecs-0123', '      starts_at: 1716192000000', '      ends_at: 1716188400000', ...META);
  const found = check(text);
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['clear-ends-before-starts error 13:16-13:29']);
  assert.match(found[0]!.message, /a clear cannot end an alarm before it began/);
});

test('clear-ends-at-zero: AOM reads ends_at 0 as "not cleared", so the clear would not clear', () => {
  const found = check(lines(...CLEAR, '    - id: 6d7c5d8a-disk-full-ecs-0123', '      ends_at: 0', ...META));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['clear-ends-at-zero error 12:16-12:17']);
  assert.match(found[0]!.message, /"not cleared"/);
  // In a report, 0 is the documented default and says nothing wrong.
  assert.deepEqual(brief(lines(...REPORT, '    - starts_at: 1716188400000', '      ends_at: 0', ...META)), []);
});

test('timeout-missing: an alarm reported without timeout, naming the five-day auto-clear', () => {
  const found = check(lines(...REPORT, '    - starts_at: 1716188400000', ...META_ONLY));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['timeout-missing warning 10:7-10:16']);
  assert.match(found[0]!.message, /after five days/);
  assert.equal(found[0]!.data?.['property'], 'timeout');
  assert.equal(found[0]!.data?.['value'], 432_000_000);
});

test('timeout-missing is for reported alarms only: not for events, not for clears', () => {
  const event = META_ONLY.map((l) => l.replace('event_type: alarm', 'event_type: event'));
  assert.deepEqual(brief(lines(...REPORT, '    - starts_at: 1716188400000', ...event)), []);
  assert.deepEqual(brief(lines(...CLEAR, '    - id: 6d7c5d8a-disk-full-ecs-0123', '      ends_at: 1716192000000', ...META_ONLY)), []);
});

test('ends-before-starts passes when ends_at is later, or 0', () => {
  assert.deepEqual(brief(lines(...CLEAR, '    - id: 6d7c5d8a-disk-full-ecs-0123', '      starts_at: 1716188400000', '      ends_at: 1716192000000', ...META)), []);
  assert.deepEqual(brief(lines(...REPORT, '    - starts_at: 1716188400000', '      ends_at: 0', ...META)), []);
});

test('timeout-ambiguous: 4320000 ms, with the 3-day value as suggestion', () => {
  const found = check(lines(...REPORT, '    - starts_at: 1716188400000', '      timeout: 4320000', ...META_ONLY));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['timeout-ambiguous warning 11:16-11:23']);
  assert.equal(found[0]!.data?.['suggestion'], 259200000);
  assert.match(found[0]!.message, /72 minutes/);
});

test('timeout-ambiguous passes for other values; timeout over 15 days is out-of-range', () => {
  assert.deepEqual(brief(lines(...REPORT, '    - starts_at: 1716188400000', '      timeout: 259200000', ...META_ONLY)), []);
  assert.deepEqual(brief(lines(...REPORT, '    - starts_at: 1716188400000', '      timeout: 1296000000', ...META_ONLY)), []);
  const found = check(lines(...REPORT, '    - starts_at: 1716188400000', '      timeout: 1296000001', ...META_ONLY));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['out-of-range error 11:16-11:26']);
  assert.match(found[0]!.message, /at most 1296000000 \(15 days\)/);
});

test('event_severity: major is invalid-value suggesting Major', () => {
  const found = check(lines(...REPORT, '    - starts_at: 1716188400000', '      metadata:', '        event_name: disk-full', '        event_severity: major', ...META.slice(3)));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-value error 13:25-13:30']);
  assert.equal(found[0]!.data?.['suggestion'], 'Major');
  assert.match(found[0]!.message, /Did you mean "Major"\?/);
});

test('metadata values are 1..2048 characters; extra metadata keys are strings', () => {
  const empty = check(lines(...REPORT, '    - starts_at: 1716188400000', ...META.slice(0, 6), '        resource_id: ""', '      timeout: 259200000'));
  assert.deepEqual(empty.map((d) => `${d.code} ${d.severity} ${d.range}`), ['out-of-range error 17:22-17:24']);
  const long = check(lines(...REPORT, '    - starts_at: 1716188400000', ...META.slice(0, 6), `        resource_id: ${'a'.repeat(2049)}`, '      timeout: 259200000'));
  assert.deepEqual(long.map((d) => `${d.code} ${d.severity} ${d.range}`), ['out-of-range error 17:22-17:2071']);
  assert.match(long[0]!.message, /at most 2048 characters long \(it has 2049\)/);
  assert.deepEqual(brief(lines(...REPORT, '    - starts_at: 1716188400000', ...META.slice(0, 6), `        resource_id: ${'a'.repeat(2048)}`, '      timeout: 259200000')), []);
  assert.deepEqual(brief3(lines(...REPORT, '    - starts_at: 1716188400000', ...META_ONLY, '        region: 5', '      timeout: 259200000')), ['invalid-type error 18:17-18:18']);
  assert.deepEqual(brief(lines(...REPORT, '    - starts_at: 1716188400000', ...META_ONLY, '        region: cn-north-4', '      timeout: 259200000')), []);
});

test('a metadata field missing: missing-property on the metadata key', () => {
  const found = check(lines(...REPORT, '    - starts_at: 1716188400000', ...META.slice(0, 3), ...META.slice(4)));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['missing-property error 11:7-11:15']);
  assert.equal(found[0]!.data?.['property'], 'event_type');
});

test('a string where the events list or an event belongs is one finding', () => {
  assert.deepEqual(brief3(lines(...REPORT.slice(0, 8), '  events: oops')), ['invalid-type error 9:11-9:15']);
  const found = check(lines(...REPORT, '    - oops'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-type error 10:7-10:11']);
  assert.match(found[0]!.message, /^"events\[0\]" must be a mapping, not a string/);
});

test('a raw body is reported, never cleared: starts-at-required applies and action is unknown', () => {
  const meta = '    metadata: {event_name: a, event_severity: Major, event_type: alarm, resource_provider: ecs, resource_type: vm, resource_id: r}';
  assert.deepEqual(brief(lines('# alertcfg: kind=EventReport', 'events:', '  - timeout: 60000', meta)), ['starts-at-required error 3:5-3:12']);
  const found = check(lines('# alertcfg: kind=EventReport', 'action: clear', 'events:', '  - id: x', '    ends_at: 1716192000000', '    timeout: 60000', meta));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property warning 2:1-2:7', 'starts-at-required error 4:5-4:7']);
  assert.match(found[0]!.message, /Known properties: events/);
  assert.deepEqual(brief(lines('# alertcfg: kind=EventReport', 'events:', '  - starts_at: 1605232501000', '    timeout: 60000', meta)), []);
});
