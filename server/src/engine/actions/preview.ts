/**
 * Preview of a plan: each request exactly as it would be sent, with every secret
 * masked, and a curl command for it (masked too). A value that is not set yet shows
 * as `<unset: VARIABLE>` in the request, and a note lists what is missing: a
 * preview is for looking, so only sending stops at it.
 */
import type { ActionPlan } from './build/context';
import type { Masker } from './mask';
import type { PlannedRequest } from './plan';
import { decodeUnset } from './variables';

export interface PreviewedRequest {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  curl: string;
}

export interface Preview {
  action: string;
  requests: PreviewedRequest[];
  /** What stops the preview and the action (the request could not be built as it would be sent). */
  problems: string[];
  /** Values not set yet (secrets, references, credentials): they stop the action, not the preview. */
  missing: string[];
  notes: string[];
}

export function previewPlan(plan: ActionPlan): Preview {
  const missing = new Set(plan.missing.map((m) => m.problem));
  return {
    action: plan.action,
    requests: plan.requests.map((r) => previewRequest(r, plan.masker)),
    problems: plan.problems.filter((p) => !missing.has(p)).map((p) => plan.masker.mask(p)),
    missing: plan.missing.map((m) => plan.masker.mask(m.problem)),
    notes: [...(plan.missing.length ? [missingNote(plan)] : []), ...plan.notes].map((n) => plan.masker.mask(n)),
  };
}

/** Everything that stops the action: the problems and the values not set. */
export function blockers(preview: Pick<Preview, 'problems' | 'missing'>): string[] {
  return [...preview.problems, ...(preview.missing ?? [])];
}

/** `Not set: ALERTCFG_SECRET_DT_SECRET (${secret:dt-secret}), … The request shows each as <unset: …>; send stops until they are set.` */
function missingNote(plan: ActionPlan): string {
  const items = plan.missing.map((m) => (m.what.startsWith('${') ? `${m.shown} (${m.what})` : `${m.what} (${m.shown})`));
  return `Not set: ${items.join('; ')}. The request shows ${plan.missing.length === 1 ? 'it' : 'each'} as <unset: …>; ${plan.action} stops until ${plan.missing.length === 1 ? 'it is' : 'they are'} set.`;
}

export function previewRequest(p: PlannedRequest, masker: Masker): PreviewedRequest {
  const url = decodeUnset(masker.mask(p.request.url));
  const headers = masker.maskHeaders(p.request.headers);
  const body = p.request.body === undefined ? undefined : masker.mask(p.request.body);
  return { label: p.label, method: p.request.method, url, headers, ...(body !== undefined ? { body } : {}), curl: curlCommand(p.request.method, url, headers, body) };
}

function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(method: string, url: string, headers: Record<string, string>, body?: string): string {
  const parts = ['curl', '-sS', '-X', method, sq(url)];
  for (const [k, v] of Object.entries(headers)) parts.push('-H', sq(`${k}: ${v}`));
  if (body !== undefined) parts.push('--data-raw', sq(body));
  return parts.join(' ');
}

/** The request as HTTP text, for the CLI's preview without --curl. */
export function httpText(r: PreviewedRequest): string {
  const lines = [`${r.method} ${r.url}`, ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join('\n')}\n${r.body !== undefined ? `\n${prettyBody(r.body)}\n` : ''}`;
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
