/**
 * Volcengine OpenAPI (research.md §E; research-gitops.md §1): every action is
 * `POST {endpoint}/?Action=<Action>&Version=<Version>` with a JSON body, signed
 * HMAC-SHA256 for the service and region; the answer carries
 * `ResponseMetadata.Error` when refused, whatever the HTTP status.
 */
import { type PlanBuilder, str, strings } from '../actions/build/context';
import type { OutgoingRequest } from '../http/request';
import { volcengineSignRequest } from '../signing/volcengine';
import type { Channel } from '../webhooks/channels';
import { answerObject, is2xx, tableAdvice } from './bot';
import { takeCredentials } from './credentials';
import { DINGTALK_ADVICE } from './dingtalk';
import { LARK_ADVICE } from './lark';
import type { AnswerReader, VendorModule } from './types';
import { WECOM_ADVICE } from './wecom';

export const VOLCENGINE_ENDPOINT = 'https://open.volcengineapi.com';

/** Volcengine accepts X-Date for X-Expires, 900 s by default (research.md §E). */
const SIGNATURE_MS = 900_000;

export interface VolcengineCall {
  service: string;
  version: string;
  action: string;
  body: unknown;
  label: string;
  /** Safe to send again after an answer arrived (a read); a create or update is not. */
  idempotent: boolean;
  /** Who reads the answer (default `volcengine`; the bot tests have readers of their own). */
  vendor?: string;
}

/** Plans one signed OpenAPI call to the resource's endpoint and region. */
export function volcengineCall(b: PlanBuilder, call: VolcengineCall): void {
  const region = b.region();
  const endpoint = (b.target('endpoint') ?? VOLCENGINE_ENDPOINT).replace(/\/+$/, '');
  let request: OutgoingRequest = {
    method: 'POST',
    url: `${endpoint}/?Action=${encodeURIComponent(call.action)}&Version=${encodeURIComponent(call.version)}`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(call.body),
  };
  const creds = takeCredentials(b, volcengine);
  if (typeof creds === 'string') request = { ...request, headers: { ...request.headers, Authorization: creds } };
  const signed = typeof creds !== 'string' && region !== undefined;
  if (signed) {
    const c = { accessKeyId: creds['accessKeyId']!, secretAccessKey: creds['secretAccessKey']!, ...(creds['sessionToken'] ? { sessionToken: creds['sessionToken'] } : {}) };
    request = volcengineSignRequest(request, c, { region, service: call.service }, b.input.now, b.crypto);
  }
  b.add({
    vendor: call.vendor ?? 'volcengine',
    label: call.label,
    request,
    idempotent: call.idempotent,
    carriesSecret: true,
    ...(signed ? { signature: { at: b.input.now.getTime(), validForMs: SIGNATURE_MS, by: 'Volcengine' } } : {}),
  });
}

const ADVICE: Record<string, string> = {
  SignatureDoesNotMatch: 'Volcengine rejected the signature: check VOLCENGINE_SECRET_KEY and the clock.',
  InvalidAccessKey: 'The access key is not known to Volcengine: check VOLCENGINE_ACCESS_KEY.',
  InvalidCredential: 'Volcengine rejected the credentials: check the access key and secret key.',
  ProductUnsubscribed: 'The account is not subscribed to VMP (Managed Service for Prometheus). Subscribe in the VMP console.',
  'Conflict.Name': 'A contact with this Name already exists in VMP. Choose another Name or update the existing contact.',
};

function advice(code: string): string | undefined {
  if (ADVICE[code]) return ADVICE[code];
  if (code.startsWith('MissingParameter.')) return `A required parameter is missing (${code.slice(17)}): alertcfg validate points at it.`;
  if (code.startsWith('InvalidParameter.')) return `A parameter is invalid (${code.slice(17)}): alertcfg validate points at it.`;
  return undefined;
}

/** The `Result` of an answer, when it has one. */
export function volcengineResult(json: unknown): Record<string, unknown> | undefined {
  const r = answerObject(json)['Result'];
  return r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : undefined;
}

/**
 * "Test through the cloud" (research-gitops.md §1.8): VMP itself sends a test
 * message to a channel and says what the bot answered, with HTTP 200 whatever the
 * bot said. Per channel: the action, the label, and the block fields the action takes.
 */
const BOT_TESTS: Readonly<Record<Channel, { action: string; bot: string; fields: readonly string[] }>> = {
  dingtalk: { action: 'TestDingTalkBotWebhook', bot: 'DingTalk', fields: ['Address', 'SecretKey', 'AtMobiles', 'AtUserIds'] },
  lark: { action: 'TestLarkBotWebhook', bot: 'Lark', fields: ['Address', 'SecretKey'] },
  wecom: { action: 'TestWeComBotWebhook', bot: 'WeCom', fields: ['Address', 'AtUserIds'] },
  webhook: { action: 'TestWebhook', bot: 'Webhook', fields: ['Address', 'Token'] },
};

/** Plans VMP's test of a Contact channel; `block` is the channel block as resolved. */
export function volcengineBotTest(b: PlanBuilder, channel: Channel, block: Record<string, unknown>): void {
  const t = BOT_TESTS[channel];
  const body: Record<string, unknown> = {};
  for (const f of t.fields) {
    const v = block[f];
    if (Array.isArray(v) ? strings(v).length : str(v)) body[f] = Array.isArray(v) ? strings(v) : v;
  }
  // The bot's secret travels in the body: masked in every output, even when written in the file.
  for (const f of ['SecretKey', 'Token']) b.secret(str(body[f]));
  volcengineCall(b, { service: 'vmp', version: '2021-03-03', action: t.action, body, label: `${t.bot} test through Volcengine VMP`, idempotent: true, vendor: `volcengine-test-${channel}` });
}

const UNREACHABLE =
  "Volcengine VMP could not reach the bot from the cloud: check the Address, and that the bot's host can be reached from the internet (a webhook on a private network cannot be).";

/** The bot test's answer: VMP's own refusal, then the bot's transport error, its code, or its HTTP status. */
function botTestReader(channel: Channel, botAdvice?: (code: string, message: string) => string | undefined): AnswerReader {
  const prefix = channel === 'webhook' ? undefined : BOT_TESTS[channel].bot;
  return {
    verdict(a, json) {
      const err = (answerObject(answerObject(json)['ResponseMetadata'])['Error'] ?? undefined) as Record<string, unknown> | undefined;
      if (err) return { ok: false, code: String(err['Code'] ?? `HTTP ${a.status}`).trim(), message: String(err['Message'] ?? '') };
      if (!is2xx(a)) return { ok: false };
      const r = volcengineResult(json) ?? {};
      const transport = str(r['ErrorMessage']);
      if (transport) return { ok: false, code: 'bot-unreachable', message: `Volcengine VMP could not reach the bot: ${transport}` };
      const code = prefix ? r[`${prefix}Code`] : undefined;
      if (code !== undefined && code !== 0 && code !== '0') return { ok: false, code: String(code), message: str(r[`${prefix}Message`]) ?? '' };
      const status = r['StatusCode'];
      if (typeof status === 'number' && (status < 200 || status >= 300)) {
        const said = str(r['Body']) ?? str(prefix ? r[`${prefix}Message`] : undefined);
        return { ok: false, code: `HTTP ${status}`, message: `The bot answered Volcengine VMP with HTTP ${status}${said ? `: ${said.slice(0, 300)}` : ''}.` };
      }
      return { ok: true };
    },
    advice: (code, message) => advice(code) ?? botAdvice?.(code, message) ?? (code === 'bot-unreachable' ? UNREACHABLE : undefined),
  };
}

export const volcengine: VendorModule = {
  id: 'volcengine',
  label: 'Volcengine',
  answers: {
    'volcengine-test-dingtalk': botTestReader('dingtalk', tableAdvice(DINGTALK_ADVICE)),
    'volcengine-test-lark': botTestReader('lark', tableAdvice(LARK_ADVICE)),
    'volcengine-test-wecom': botTestReader('wecom', tableAdvice(WECOM_ADVICE)),
    'volcengine-test-webhook': botTestReader('webhook'),
    volcengine: {
      verdict(a, json) {
        const err = (answerObject(answerObject(json)['ResponseMetadata'])['Error'] ?? undefined) as Record<string, unknown> | undefined;
        if (is2xx(a) && !err) return { ok: true };
        return { ok: false, ...(err ? { code: String(err['Code'] ?? `HTTP ${a.status}`).trim(), message: String(err['Message'] ?? '') } : {}) };
      },
      /**
       * CreateContact's `Result` carries `SendStatus` and `Message`, most likely about
       * the verification e-mail VMP sends to a new contact's Email; their values are not
       * documented, so they are shown as they came, and only when set.
       */
      notes(json) {
        const r = volcengineResult(json);
        if (!r) return [];
        const parts = [r['SendStatus'], r['Message']].filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
        return parts.length ? [`verification e-mail: ${parts.join(' ')}`] : [];
      },
      advice,
    },
  },
  credentials: {
    provider: 'volcengine',
    forms: [
      {
        label: { en: 'Volcengine AK/SK', zh: '火山引擎 AK/SK' },
        fields: [
          { key: 'accessKeyId', label: { en: 'Access key ID', zh: 'Access Key ID' }, variable: 'VOLCENGINE_ACCESS_KEY', secret: false },
          { key: 'secretAccessKey', label: { en: 'Secret access key', zh: 'Secret Access Key' }, variable: 'VOLCENGINE_SECRET_KEY', secret: true },
          { key: 'sessionToken', label: { en: 'Session token (STS, optional)', zh: '会话令牌（STS，可选）' }, variable: 'VOLCENGINE_SESSION_TOKEN', secret: true, optional: true },
        ],
      },
    ],
  },
};
