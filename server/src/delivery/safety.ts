/**
 * Safety checks made before a planned request leaves the machine, and the
 * helpers that keep secrets out of every error text the delivery layer writes.
 *
 * Refused, with nothing sent:
 * - URLs that are not http(s);
 * - link-local and cloud-metadata targets (169.254.0.0/16, fe80::/10,
 *   fd00:ec2::254, IPv4-mapped forms of those), always;
 * - a plan that carries a secret over plain `http:` to a non-loopback host;
 * - a bot secret (`plan.allowedHosts`) to a host outside its channel's hosts
 *   and the configured extra hosts, unless the host is loopback.
 * Loopback (127.0.0.0/8, ::1, localhost) is always allowed, so local
 * stand-ins need no configuration. A host name that resolves to a link-local or
 * cloud-metadata address is refused when the connection is made (guardedLookup).
 */
import { type LookupAddress, type LookupOptions, lookup as dnsLookup } from 'node:dns';
import type { PlannedRequest } from '../engine/actions/plan';
import { isLoopbackHost } from '../engine/webhooks/channels';

/** The shape of `dns.lookup` that net and tls connections call. */
export type LookupFunction = (hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => void;

/**
 * Name resolution for delivery connections that refuses link-local and
 * cloud-metadata addresses: a host name that resolves to 169.254.169.254 (or
 * fd00:ec2::254) is refused like the address itself, at connect time, before any
 * byte is sent. `base` resolves (default `dns.lookup`; tests inject their own).
 */
export function guardedLookup(base: LookupFunction = dnsLookup as unknown as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: 4 }]) as LookupAddress[];
      if (!list.length) return callback(Object.assign(new Error(`cannot resolve ${hostname}`), { code: 'ENOTFOUND' }), '');
      const bad = list.find((a) => isLinkLocalOrMetadata(a.address));
      if (bad) {
        return callback(Object.assign(new Error(`${hostname} resolves to ${bad.address}, a link-local or cloud-metadata address, which is never a delivery target`), { code: 'ELINKLOCAL' }), '');
      }
      if (options.all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** The URL's host name without IPv6 brackets, lower-cased. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function ipv4Octets(host: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** Expands an IPv6 literal (as the WHATWG URL parser prints it) to eight 16-bit groups. */
function ipv6Groups(host: string): number[] | undefined {
  if (!host.includes(':')) return undefined;
  let text = host;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const o = ipv4Octets(tail[1]!);
    if (!o) return undefined;
    text = text.slice(0, -tail[1]!.length) + `${((o[0]! << 8) | o[1]!).toString(16)}:${((o[2]! << 8) | o[3]!).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return undefined;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

/** True for link-local and cloud-metadata addresses (never a valid alert target). */
export function isLinkLocalOrMetadata(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'metadata.google.internal') return true;
  const v4 = ipv4Octets(h);
  if (v4) return v4[0] === 169 && v4[1] === 254;
  const g = ipv6Groups(h);
  if (!g) return false;
  if ((g[0]! & 0xffc0) === 0xfe80) return true; // fe80::/10
  // fd00:ec2::254 (AWS IMDS over IPv6)
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return true;
  // IPv4-mapped ::ffff:169.254.x.y
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return g[6]! >> 8 === 169 && (g[6]! & 0xff) === 254;
  return false;
}

/**
 * The path for error texts: the token segment of a Lark hook URL is masked,
 * the query is never shown.
 */
export function safePath(url: URL): string {
  return url.pathname.replace(/(\/hook\/)([^/]+)/, (_m, p: string, token: string) => `${p}${mask(token)}`);
}

/** `host/path` for messages: never the query, headers or body. */
export function describeTarget(url: URL): string {
  return `${url.host}${safePath(url)}`;
}

function mask(value: string): string {
  return value.length <= 6 ? '****' : `${value.slice(0, 3)}****${value.slice(-2)}`;
}

/** Request headers whose values are never secret (the host, the content's type and length, signing dates). */
const PUBLIC_HEADERS = new Set(['host', 'content-type', 'content-length', 'accept', 'user-agent', 'x-sdk-date', 'x-date', 'x-content-sha256', 'enterprise-project-id']);

/**
 * Removes every secret-bearing piece of the request from `text`: the full URL,
 * its query string and each query value, the Lark token segment, and each
 * header value and the body (when long enough to be meaningful).
 */
export function scrub(text: string, plan: PlannedRequest, extra: readonly string[] = []): string {
  const pieces = new Set<string>();
  const raw = plan.request.url;
  pieces.add(raw);
  try {
    const url = new URL(raw);
    pieces.add(url.href);
    if (url.search) pieces.add(url.search.slice(1));
    for (const [key, value] of url.searchParams) {
      pieces.add(value);
      pieces.add(encodeURIComponent(value));
      pieces.add(`${key}=${value}`);
    }
    const hook = /\/hook\/([^/]+)/.exec(url.pathname);
    if (hook) pieces.add(hook[1]!);
    if (url.password) pieces.add(url.password);
  } catch {
    /* an unparsable URL is still removed as a whole */
  }
  // Header values, except those that are never secret: removing the host from "connection refused by
  // 127.0.0.1:8080" or "cannot resolve the host name x" made those errors say nothing.
  for (const [name, value] of Object.entries(plan.request.headers)) if (!PUBLIC_HEADERS.has(name.toLowerCase())) pieces.add(value);
  if (plan.request.body) pieces.add(plan.request.body);
  for (const e of extra) pieces.add(e);
  let out = text;
  for (const piece of [...pieces].filter((p) => p.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.split(piece).join('****');
  }
  return out;
}

/** Why `plan` must not be sent, or undefined when it may go. */
export function refusal(plan: PlannedRequest, allowedExtraHosts: readonly string[] = []): string | undefined {
  let url: URL;
  try {
    url = new URL(plan.request.url);
  } catch {
    return `${plan.label}: the target is not a valid URL; write an absolute https:// URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `${plan.label}: only http and https URLs can be sent, not ${url.protocol.replace(/:$/, '')}; use an https:// URL`;
  }
  const host = bareHost(url);
  const where = describeTarget(url);
  if (isLinkLocalOrMetadata(host)) {
    return `${plan.label}: ${url.hostname} is a link-local or cloud-metadata address and is never a delivery target; use the receiver's real host`;
  }
  const loopback = isLoopbackHost(host);
  if (plan.carriesSecret && url.protocol === 'http:' && !loopback) {
    return `${plan.label}: the request carries a secret and would go over plain http to ${where}; use an https:// URL (plain http is allowed only for loopback addresses)`;
  }
  if (plan.allowedHosts && !loopback) {
    const allowed = [...plan.allowedHosts, ...allowedExtraHosts].map((h) => h.toLowerCase());
    if (!allowed.includes(host)) {
      return `${plan.label}: the bot secret goes only to ${plan.allowedHosts.join(' or ')}, not ${url.host}; fix the address, or add ${host} to the allowed extra hosts in the configuration if it is your own proxy`;
    }
  }
  return undefined;
}
