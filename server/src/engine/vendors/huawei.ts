/**
 * Huawei Cloud APIs (research.md §D; research-gitops.md §2): CTS and AOM, at
 * `https://{service}.{region}.myhuaweicloud.com` unless the target names an
 * endpoint, signed with AK/SK (SDK-HMAC-SHA256) or carrying an IAM token
 * (`X-Auth-Token`). Refusals are `{error_code, error_msg}`; a 503 there means "the
 * requested service is invalid" and is never sent again unchanged.
 */
import type { PlanBuilder } from '../actions/build/context';
import type { HttpMethod, OutgoingRequest } from '../http/request';
import { huaweiSignRequest, huaweiTokenHeaders } from '../signing/huawei';
import { answerObject, is2xx } from './bot';
import { takeCredentials } from './credentials';
import type { AnswerReader, VendorModule } from './types';

/** Huawei's API gateway accepts X-Sdk-Date within 15 minutes (research.md §D). */
const SIGNATURE_MS = 15 * 60_000;

export type HuaweiService = 'cts' | 'aom';

export interface HuaweiCall {
  service: HuaweiService;
  method: HttpMethod;
  /** The path after `/{version}/{project_id}`, e.g. `/notifications`; the query, when there is one, after it. */
  path: string;
  version: 'v2' | 'v3';
  body?: unknown;
  headers?: Record<string, string>;
  label: string;
  idempotent: boolean;
}

/** The service's endpoint: `target.endpoint`, or the region's; undefined (and a problem) without a region. */
export function huaweiEndpoint(b: PlanBuilder, service: HuaweiService): string | undefined {
  const explicit = b.target('endpoint');
  if (explicit) return explicit.replace(/\/+$/, '');
  const region = b.region();
  return region ? `https://${service}.${region}.myhuaweicloud.com` : undefined;
}

/** Plans one call to the project's API; nothing (the problems say why) without an endpoint or a project. */
export function huaweiCall(b: PlanBuilder, call: HuaweiCall): void {
  const endpoint = huaweiEndpoint(b, call.service);
  const project = b.projectId();
  if (!endpoint || !project) return;
  const headers: Record<string, string> = { ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...call.headers };
  let request: OutgoingRequest = { method: call.method, url: `${endpoint}/${call.version}/${encodeURIComponent(project)}${call.path}`, headers, ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}) };
  const creds = takeCredentials(b, huawei);
  let signedAt: number | undefined;
  if (typeof creds === 'string') request = { ...request, headers: { ...request.headers, Authorization: creds } };
  else if (creds['ak'] && creds['sk']) {
    signedAt = b.input.now.getTime();
    // Like the official SDKs, sign the Host too.
    const withHost = { ...request, headers: { Host: new URL(request.url).host, ...request.headers } };
    request = huaweiSignRequest(withHost, { ak: creds['ak'], sk: creds['sk'] }, b.input.now, b.crypto);
  } else if (creds['token']) request = { ...request, headers: { ...request.headers, ...huaweiTokenHeaders(creds['token']) } };
  b.add({
    vendor: `huawei-${call.service}`,
    label: call.label,
    request,
    idempotent: call.idempotent,
    carriesSecret: true,
    ...(signedAt !== undefined ? { signature: { at: signedAt, validForMs: SIGNATURE_MS, by: 'Huawei Cloud' } } : {}),
  });
}

/** AOM's and CTS's docs on 503: "the requested service is invalid … do not repeat the request without modifications". */
const ADVICE_503 =
  'Huawei Cloud answered 503: its docs say the requested service is invalid and the request must not be repeated without changes, so alertcfg did not retry it. Check target.region, target.endpoint and target.projectId.';

const AOM_ADVICE: Record<string, string> = {
  'APIG.0301': 'Huawei Cloud rejected the credentials (AK/SK signature, expired signature or unknown AK). Check HUAWEICLOUD_SDK_AK/SK and the clock (within 15 minutes). After 5 failures the AK is locked for 5 minutes, so alertcfg does not retry.',
  'APIGW.0301': 'Huawei Cloud rejected the credentials. Check the AK/SK or token and the clock.',
  'AOM.0400': 'AOM could not read the events: check the body against the schema (alertcfg validate).',
};

/** research-gitops.md §2.1 (the CTS error code table). */
const CTS_ADVICE: Record<string, string> = {
  'APIG.0301': 'Huawei Cloud rejected the credentials (AK/SK signature, expired signature or unknown AK). Check HUAWEICLOUD_SDK_AK/SK and the clock (within 15 minutes).',
  'CTS.0400': 'A key operation notification with this notification_name already exists in the project: names are unique. Choose another notification_name, or change the existing one in the CTS console.',
  'CTS.0003': 'CTS could not read the request body (empty or invalid): check it against the schema (alertcfg validate).',
  'CTS.0001': 'CTS failed calling IAM or OBS for this account. Check that the account may use IAM and OBS; if it can, try again later.',
  'CTS.0300': 'CTS could not run its query, a fault on its side. Try again later.',
  'CTS.0002': 'CTS rejected the credentials or their permission. Check HUAWEICLOUD_SDK_AK/SK (or the token) and that the IAM user may manage CTS notifications (for example the CTS FullAccess policy).',
  'CTS.0012': 'The project id is not valid for these credentials: check target.projectId (the project of target.region, under My Credentials in the console).',
  'CTS.0013': 'No permission: the IAM user needs a policy that allows creating CTS key operation notifications (for example CTS FullAccess).',
  'CTS.0004': 'CTS could not write its data, a fault on its side. alertcfg does not send a create again: look in the CTS console whether the notification exists before applying again.',
  'CTS.0005': 'CTS could not read its data, a fault on its side. alertcfg does not send a create again: look in the CTS console whether the notification exists before applying again.',
};

function reader(table: Record<string, string>): AnswerReader {
  return {
    verdict(a, json) {
      if (is2xx(a)) return { ok: true };
      const o = answerObject(json);
      const code = o['error_code'];
      return { ok: false, ...(code ? { code: String(code), message: String(o['error_msg'] ?? '') } : {}) };
    },
    statusDecides: true,
    noRetry503: true,
    advice: (code, _message, status) => table[code] ?? (status === 503 ? ADVICE_503 : undefined),
  };
}

export const huawei: VendorModule = {
  id: 'huawei',
  label: 'Huawei Cloud',
  answers: { 'huawei-aom': reader(AOM_ADVICE), 'huawei-cts': reader(CTS_ADVICE) },
  credentials: {
    provider: 'huawei',
    forms: [
      {
        label: { en: 'Huawei Cloud AK/SK', zh: '华为云 AK/SK' },
        fields: [
          { key: 'ak', label: { en: 'Access key (AK)', zh: '访问密钥 ID（AK）' }, variable: 'HUAWEICLOUD_SDK_AK', secret: false },
          { key: 'sk', label: { en: 'Secret key (SK)', zh: '秘密访问密钥（SK）' }, variable: 'HUAWEICLOUD_SDK_SK', secret: true },
        ],
      },
      {
        label: { en: 'Huawei Cloud IAM token', zh: '华为云 IAM 令牌' },
        fields: [{ key: 'token', label: { en: 'IAM token (X-Auth-Token)', zh: 'IAM 令牌（X-Auth-Token）' }, variable: 'HUAWEICLOUD_SDK_TOKEN', secret: true }],
      },
    ],
  },
};
