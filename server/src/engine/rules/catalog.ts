/**
 * Every code the engine can report, with its default severity, a title, and the
 * sentence of the vendor doc (or research note) it comes from. docs/rules.md is
 * generated from this table (`npm run docs:rules`), and a test keeps the two equal.
 * Codes named `Family.*` stand for a family: `MissingParameter.Name`, ...
 * The bad and good examples of each code are in catalog-examples.ts.
 */
import type { Severity } from '../model/finding';
import { kindModules } from '../kinds/index';
import { EXAMPLES } from './catalog-examples';
import type { CodeDoc } from './types';

const VOLC = 'Volcengine VMP CreateContact';
const ZSTACK = 'ZStack SNSDingTalkTestConnection';
const CTS = 'Huawei CTS create key operation notification';
const AOM = 'Huawei AOM push events';
const TENCENT = 'Tencent Cloud alarm callback';

function c(code: string, severity: Severity, title: string, source: string): CodeDoc {
  return { code, severity, title, source, ...EXAMPLES[code] };
}

export const CATALOG: readonly CodeDoc[] = [
  // Parsing
  c('syntax-error', 'error', 'YAML or JSON syntax error', 'YAML 1.2 / RFC 8259.'),
  c('syntax-warning', 'warning', 'YAML construct the engine cannot resolve (e.g. an unknown tag)', 'YAML 1.2.'),
  c('duplicate-key', 'error', 'A key appears twice in one mapping', 'YAML 1.2 requires unique keys; JSON parsers keep only the last one, silently.'),
  c('unsupported-key', 'error', 'A mapping key that is not a plain scalar', 'Vendor bodies are JSON objects, whose keys are strings.'),
  c('nesting-too-deep', 'error', 'Nesting beyond the engine\'s limit', 'A limit of the engine, to stay responsive on hostile input.'),
  c('alias-expansion-limit', 'error', 'YAML aliases expand to too much content', 'A limit of the engine against alias bombs ("billion laughs").'),
  c('encoding-error', 'error', 'The file is not valid UTF-8', 'Every vendor API here takes UTF-8 JSON.'),
  c('file-too-large', 'error', 'The file is larger than the configured limit and was not checked', 'A limit of the engine (setting maxFileSize). An error by default: CI must not pass a file it never read; the rules setting can lower it.'),
  c('too-many-documents', 'warning', 'The file holds more documents than the configured limit; the ones after it were not checked', 'A limit of the engine (setting maxDocuments), to stay responsive on huge streams.'),
  c('time-budget-exceeded', 'warning', 'Checking a document took longer than the engine allows; the remaining checks were skipped', 'A limit of the engine (a per-document time budget of 2 s for the schema check and the rules), so that no document can stall the editor or CI.'),
  c('internal-error', 'error', 'alertcfg failed while checking a document', 'A bug in alertcfg, not in the document: please report it with the document that caused it.'),
  // Schema, Volcengine codes
  c('MissingParameter.*', 'error', 'A required Contact parameter is missing, or empty or blank (which Volcengine treats as missing)', `${VOLC}: "MissingParameter.{{parameter}} — The required parameter {{parameter}} is missing."`),
  c('InvalidParameter.*', 'error', 'A Contact parameter has an invalid value', `${VOLC}: "InvalidParameter.{{parameter}} — The specified parameter {{parameter}} is invalid." (e.g. Email "needs to be a valid e-mail field").`),
  c('Conflict.Name', 'error', 'Two contacts in the workspace share a Name', `${VOLC}: "409 Conflict.Name — The specified name conflicts with existing {{resource}}."`),
  // Schema, other kinds and the envelope
  c('missing-property', 'error', 'A required property is missing; an empty or blank string, or an empty list where an item is required, counts as missing', 'The "required" column of the vendor doc; SPEC §1 for the envelope. The vendors refuse a blank required value as they refuse an absent one.'),
  c('unknown-property', 'warning', 'A property the vendor doc does not define (with "did you mean")', 'The field tables of the vendor docs.'),
  c('invalid-type', 'error', 'A value of the wrong type', 'The "type" column of the vendor doc.'),
  c('invalid-value', 'error', 'A value outside the documented enumeration', 'The enumerations of the vendor docs.'),
  c('invalid-format', 'error', 'A value of the wrong form (e-mail, UUID, URN, date-time)', 'The formats stated by the vendor docs.'),
  c('out-of-range', 'error', 'A number, length or count beyond the documented limit', 'The limits stated by the vendor docs.'),
  c('duplicate-name', 'error', 'Two resources of one kind share metadata.name', 'SPEC §1: metadata.name is unique per kind in a workspace.'),
  // Secrets and webhooks
  c('secret-in-plaintext', 'warning', 'A secret written literally instead of as a reference', 'SPEC §1: secrets are ${secret:NAME} or ${env:NAME} references; a webhook token or signing secret in git is leaked.'),
  c('webhook-address-mismatch', 'warning', 'A bot address that is not on its channel\'s host and path', 'research.md §A–C: DingTalk oapi.dingtalk.com/robot/send?access_token=, Lark open.feishu.cn|open.larksuite.com/open-apis/bot/v2/hook/, WeCom qyapi.weixin.qq.com/cgi-bin/webhook/send?key=.'),
  c('wecom-bare-key', 'error', 'A bare WeCom key where the webhook URL belongs', 'research.md §C: pasting the key where the URL is expected (or the reverse) gives errcode 93000 "invalid webhook url".'),
  c('invalid-url', 'error', 'A webhook address that is not an absolute http(s) URL', `${VOLC}: Address is the webhook URL.`),
  c('insecure-url', 'warning', 'A webhook address over plain http to a non-loopback host, with a secret that would travel over it (a token in the URL, Token, SecretKey)', 'SPEC §5: requests that carry a secret go over HTTPS only. An address that carries no secret may use http: that is the receiver\'s choice.'),
  // ZStack
  c('url-or-endpoint-required', 'error', 'Neither params.url nor params.endpointUuid is set', `${ZSTACK}: endpointUuid "DingTalk endpoint uuid" and url "The webhook url" — the test needs one of them.`),
  c('dingtalk-mention-missing', 'warning', 'A mobile to @-mention is not written as @<mobile> in the text', 'research.md §A (DingTalk message types): "the content must contain @<mobile>" for atMobiles.'),
  c('message-too-long', 'error', 'A DingTalk message over 20,000 bytes', 'research.md §A: errcode 460101 "message too long, exceed 20000 bytes".'),
  // CTS
  c('complete-ignores-field', 'warning', 'operations / notify_user_list set with operation_type complete', `${CTS}: "完整类型下 … 此时不用指定operations和notify_user_list字段" (with complete, operations and notify_user_list are not specified).`),
  c('operations-required', 'error', 'operation_type customized without operations', `${CTS}: "自定义类型下,CTS发送通知的对象是在operations列表中指定的事件" (with customized, CTS notifies on the events listed in operations).`),
  c('notify-users-limit', 'error', 'More than 50 users in notify_user_list', `${CTS}: "目前最多支持对10个用户组和50个用户发起的操作进行配置" (at most 10 user groups and 50 users).`),
  c('topic-region-mismatch', 'warning', 'topic_id URN in another region than target.region', `${CTS}: topic_id is "消息通知服务的topic_urn或者函数工作流的func_urn", URNs of the form urn:smn:{region}:…`),
  // AOM
  c('starts-at-required', 'error', 'An event reported without starts_at', `${AOM}: starts_at "needs to be specified if the value of action is left blank".`),
  c('clear-requires-id', 'error', 'An event cleared without its id', `${AOM}: id "needs to be specified if the value of action is set to clear".`),
  c('clear-without-ends-at', 'warning', 'An event cleared without ends_at (the current time is used)', `${AOM}: ends_at "needs to be specified if the value of action is set to clear".`),
  c('clear-ends-at-zero', 'error', 'An event cleared with ends_at 0, which means "not cleared"', `${AOM}: ends_at "0 (default): The alarm is not cleared."`),
  c('clear-ends-before-starts', 'error', 'An event cleared with an ends_at before its starts_at', `${AOM}: ends_at is the "time when an event or alarm is cleared", starts_at the "time when an event or alarm is generated".`),
  c('timeout-missing', 'warning', 'An alarm reported without timeout (AOM clears it after five days)', `${AOM}: timeout "needs to be specified if the value of action is left blank (which indicates that an alarm is to be reported)"; "By default, alarms older than five days will be cleared".`),
  c('timestamp-not-epoch-ms', 'error', 'A date string where epoch milliseconds belong', `${AOM}: "2024-10-16 16:03:01 needs to be converted to UTC timestamp … precise down to the millisecond".`),
  c('timestamp-in-seconds', 'warning', 'An epoch timestamp that looks like seconds', `${AOM}: starts_at/ends_at are "UTC timestamp precise down to the millisecond".`),
  c('ends-before-starts', 'warning', 'ends_at earlier than starts_at in a report (in a clear it is clear-ends-before-starts, an error)', `${AOM}: ends_at is the "time when an event or alarm is cleared".`),
  c('timeout-ambiguous', 'warning', 'timeout 4320000, which some docs call "3 days" but is 72 minutes', 'research.md §D: the en-us doc and SDK say "3 days = 3×24×60×1000 = 4,320,000 ms".'),
  // Tencent
  c('expected-property', 'warning', 'A field Tencent always sends is missing from the payload (a receiver may rely on it)', `${TENCENT}: the doc's parameter list, which has no required column; only sessionId and alarmStatus make a payload unusable when missing, so those stay errors (missing-property).`),
  c('callback-time-nested', 'info', 'firstOccurTime, durationTime or recoverTime inside alarmPolicyInfo, as the 2018 doc\'s braces nest them', `${TENCENT}: the 2018 doc's example closes alarmPolicyInfo after recoverTime; Tencent's newer callback doc (248/38919) and real payloads send the three at the top level. Both placements are accepted, with the same checks.`),
  c('recover-before-first-occur', 'warning', 'recoverTime earlier than firstOccurTime', `${TENCENT}: recoverTime is the "alarm recovery time", firstOccurTime the "time point when the alarm is triggered for the first time".`),
];

const byCode = new Map(CATALOG.map((d) => [d.code, d]));

/** The catalog entry of a code, families included (`MissingParameter.Name` → `MissingParameter.*`). */
export function codeDoc(code: string): CodeDoc | undefined {
  return byCode.get(code) ?? byCode.get(`${code.split('.')[0]}.*`) ?? kindModules().flatMap((m) => m.codes ?? []).find((d) => d.code === code);
}

export function defaultSeverity(code: string): Severity {
  return codeDoc(code)?.severity ?? 'error';
}

/** The anchor of a code in docs/rules.md. */
export function codeAnchor(code: string): string {
  const doc = codeDoc(code);
  return (doc?.code ?? code).toLowerCase().replace(/[^a-z0-9-]+/g, '');
}
