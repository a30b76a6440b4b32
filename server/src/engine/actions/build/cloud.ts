/**
 * Calls to the cloud APIs: Volcengine CreateContact (signed HMAC-SHA256), Huawei CTS
 * create notification and AOM push/clear events (AK/SK-signed or an IAM token).
 * The body is `spec` as written, references resolved.
 */
import type { OutgoingRequest } from '../../http/request';
import { huaweiSignRequest, huaweiTokenHeaders } from '../../signing/huawei';
import { volcengineSignRequest } from '../../signing/volcengine';
import type { PlannedRequest } from '../plan';
import { CREDENTIAL_VARIABLES as V } from '../variables';
import { type PlanBuilder, bodyText, obj } from './context';

export const VOLCENGINE_ENDPOINT = 'https://open.volcengineapi.com';

/** Huawei's API gateway accepts X-Sdk-Date within 15 minutes; Volcengine's X-Date for X-Expires, 900 s by default (research.md). */
const HUAWEI_SIGNATURE_MS = 15 * 60_000;
const VOLCENGINE_SIGNATURE_MS = 900_000;

function vendorBody(b: PlanBuilder): Record<string, unknown> {
  const { $schema: _ignored, ...body } = obj(b.input.body);
  return b.resolve(body);
}

export function planVolcengineApply(b: PlanBuilder): void {
  const body = vendorBody(b);
  const region = b.region();
  const creds = b.input.credentials.volcengine();
  const endpoint = (b.target('endpoint') ?? VOLCENGINE_ENDPOINT).replace(/\/+$/, '');
  let request: OutgoingRequest = { method: 'POST', url: `${endpoint}/?Action=CreateContact&Version=2021-03-03`, headers: { 'Content-Type': 'application/json' }, body: bodyText(body) };
  if (!creds) {
    const marker = b.missingValue('Volcengine credentials', [V.volcengineAccessKey, V.volcengineSecretKey], 'No Volcengine credentials: set VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY (CLI) or run Alert Config: Set Credentials (VS Code).', `${V.volcengineAccessKey} and ${V.volcengineSecretKey}`);
    request = { ...request, headers: { ...request.headers, Authorization: marker } };
  }
  if (creds && region) {
    b.credential(creds.accessKeyId, V.volcengineAccessKey, false);
    b.credential(creds.secretAccessKey, V.volcengineSecretKey);
    b.credential(creds.sessionToken, V.volcengineSessionToken);
    request = volcengineSignRequest(request, creds, { region, service: 'vmp' }, b.input.now, b.crypto);
  }
  const signed = creds && region ? { signature: { at: b.input.now.getTime(), validForMs: VOLCENGINE_SIGNATURE_MS, by: 'Volcengine' } } : {};
  b.add({ vendor: 'volcengine', label: 'Volcengine CreateContact', request, idempotent: false, carriesSecret: true, ...signed });
}

/** AK/SK signing (how long it is valid goes in `signed`), or the IAM token; a missing value when neither is configured. */
function huaweiAuth(b: PlanBuilder, request: OutgoingRequest, signed: { at?: number }): OutgoingRequest {
  const c = b.input.credentials.huawei();
  if (c?.ak && c.sk) {
    b.credential(c.ak, V.huaweiAk, false);
    b.credential(c.sk, V.huaweiSk);
    signed.at = b.input.now.getTime();
    // Like the official SDKs, sign the Host too.
    const withHost = { ...request, headers: { Host: new URL(request.url).host, ...request.headers } };
    return huaweiSignRequest(withHost, { ak: c.ak, sk: c.sk }, b.input.now, b.crypto);
  }
  if (c?.token) {
    b.credential(c.token, V.huaweiToken);
    return { ...request, headers: { ...request.headers, ...huaweiTokenHeaders(c.token) } };
  }
  const marker = b.missingValue(
    'Huawei Cloud credentials',
    [V.huaweiAk, V.huaweiSk, V.huaweiToken],
    'No Huawei Cloud credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or HUAWEICLOUD_SDK_TOKEN for an IAM token) in the CLI, or run Alert Config: Set Credentials in VS Code.',
    `${V.huaweiAk} and ${V.huaweiSk}, or ${V.huaweiToken}`,
  );
  return { ...request, headers: { ...request.headers, Authorization: marker } };
}

function huaweiSignature(signed: { at?: number }): Pick<PlannedRequest, 'signature'> {
  return signed.at === undefined ? {} : { signature: { at: signed.at, validForMs: HUAWEI_SIGNATURE_MS, by: 'Huawei Cloud' } };
}

function huaweiEndpoint(b: PlanBuilder, service: 'cts' | 'aom'): string | undefined {
  const explicit = b.target('endpoint');
  if (explicit) return explicit.replace(/\/+$/, '');
  const region = b.region();
  return region ? `https://${service}.${region}.myhuaweicloud.com` : undefined;
}

export function planCtsApply(b: PlanBuilder): void {
  const body = vendorBody(b);
  const endpoint = huaweiEndpoint(b, 'cts');
  const project = b.projectId();
  if (!endpoint || !project) return;
  const signed = {};
  const request = huaweiAuth(b, { method: 'POST', url: `${endpoint}/v3/${encodeURIComponent(project)}/notifications`, headers: { 'Content-Type': 'application/json' }, body: bodyText(body) }, signed);
  b.add({ vendor: 'huawei-cts', label: 'CTS create key operation notification', request, idempotent: false, carriesSecret: true, ...huaweiSignature(signed) });
}

export function planAomEvents(b: PlanBuilder, clear: boolean): void {
  const body = vendorBody(b);
  if (!clear && b.input.envelope.action === 'clear') return b.problem('This resource is marked action: clear; run clear, not push.');
  if (clear) prepareClear(b, body);
  const endpoint = huaweiEndpoint(b, 'aom');
  const project = b.projectId();
  if (!endpoint || !project) return;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const eps = b.target('enterpriseProjectId');
  if (eps) headers['enterprise-project-id'] = eps;
  const url = `${endpoint}/v2/${encodeURIComponent(project)}/push/events${clear ? '?action=clear' : ''}`;
  const signed = {};
  const request = huaweiAuth(b, { method: 'PUT', url, headers, body: bodyText(body) }, signed);
  const plan: PlannedRequest = { vendor: 'huawei-aom', label: clear ? 'AOM clear events' : 'AOM push events', request, idempotent: true, carriesSecret: true, ...huaweiSignature(signed) };
  b.add(plan);
}

/** Every event needs its id; one without ends_at is cleared as of now, and the notes say so. */
function prepareClear(b: PlanBuilder, body: Record<string, unknown>): void {
  const events = Array.isArray(body['events']) ? (body['events'] as unknown[]) : [];
  const nowMs = b.input.now.getTime();
  events.forEach((e, i) => {
    const ev = obj(e);
    if (typeof ev['id'] !== 'string' || !ev['id']) b.problem(`events[${i}] has no id: AOM clears an event or alarm by the id it gave when it was reported.`);
    if (ev['ends_at'] === undefined || ev['ends_at'] === null) {
      ev['ends_at'] = nowMs;
      b.note(`events[${i}] had no ends_at: set to the current time, ${nowMs} (${b.input.now.toISOString()}).`);
    }
  });
}
