/**
 * Preview of a plan: each request exactly as it would be sent, with every secret
 * masked, and a runnable curl command for it.
 */
import type { ActionPlan } from './build/context';
import type { Masker } from './mask';
import type { PlannedRequest } from './plan';

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
  problems: string[];
  notes: string[];
}

export function previewPlan(plan: ActionPlan): Preview {
  return {
    action: plan.action,
    requests: plan.requests.map((r) => previewRequest(r, plan.masker)),
    problems: plan.problems.map((p) => plan.masker.mask(p)),
    notes: plan.notes.map((n) => plan.masker.mask(n)),
  };
}

export function previewRequest(p: PlannedRequest, masker: Masker): PreviewedRequest {
  const url = masker.mask(p.request.url);
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
