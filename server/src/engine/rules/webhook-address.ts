/**
 * Bot webhook addresses: the host and path of each channel (`webhook-address-mismatch`,
 * a warning since proxies exist), a bare WeCom key where the URL belongs
 * (`wecom-bare-key`), addresses that are not http(s) URLs (`invalid-url`), and
 * plain http to a public host when a secret would travel over it (`insecure-url`).
 */
import { CHANNELS, type ChannelInfo, addressProblem, isLoopbackHost, parseUrl } from '../webhooks/channels';
import { type PathSegment, isString, nodeAt } from '../parse/tree';
import type { Rule, RuleContext } from './types';
import { isPlaceholder } from './values';

/** A bot address field and its channel (undefined for a generic webhook). */
export type AddressField = readonly [PathSegment[], ChannelInfo | undefined];

/** The webhook address rules over the given address fields of a body. */
export function webhookAddressRule(addresses: readonly AddressField[]): Rule {
  return {
    codes: ['webhook-address-mismatch', 'wecom-bare-key', 'invalid-url', 'insecure-url'],
    check(ctx) {
      for (const [path, info] of addresses) checkAddress(ctx, path, info);
    },
  };
}

function checkAddress(ctx: RuleContext, path: PathSegment[], info: ChannelInfo | undefined): void {
  const node = nodeAt(ctx.body, path);
  if (!isString(node) || isPlaceholder(node.value)) return;
  // A reference in the scheme or host (or a whole address in a secret) is checked once resolved, when a request is built.
  const ref = node.value.search(/\$\{(?:env|secret):[^}]+\}/);
  if (ref >= 0 && !/^\s*https?:\/\/[^/?#]+[/?#]/i.test(node.value.slice(0, ref))) return;
  const field = path.join('.');
  const full = [...ctx.resource.bodyPath, ...path];
  const url = parseUrl(node.value);
  if (!url) {
    if (info === CHANNELS.wecom && /^[A-Za-z0-9-]{8,}$/.test(node.value.trim())) {
      // No URL with the key in the finding's data: data never holds a secret (the quick fix reads the key from the text).
      ctx.report('wecom-bare-key', ctx.valueAt(path), `${field} holds a bare WeCom key; WeCom needs the whole webhook URL (${CHANNELS.wecom.path}?key=...). Use ${CHANNELS.wecom.hosts[0]}${CHANNELS.wecom.path}?key=<key>.`, { path: full });
      return;
    }
    ctx.report('invalid-url', ctx.valueAt(path), `${field} must be an absolute http(s) URL${info ? `, such as ${info.example}` : ''}.`, { path: full });
    return;
  }
  if (info) {
    const problem = addressProblem(info, url);
    if (problem) {
      ctx.report('webhook-address-mismatch', ctx.valueAt(path), `${field} does not look like a ${info.label} bot webhook: ${problem}. Check the address (a proxy in between is fine).`, { path: full, channel: info.channel });
      return;
    }
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    const secrets = secretsCarried(ctx, path, info, url);
    if (!secrets.length) return; // nothing secret travels: plain http is the receiver's choice
    const list = secrets.length === 1 ? secrets[0]! : `${secrets.slice(0, -1).join(', ')} and ${secrets[secrets.length - 1]!}`;
    ctx.report('insecure-url', ctx.valueAt(path), `${field} uses plain http, so ${list} would travel unencrypted; alertcfg sends requests that carry a secret over https only. Use https://.`, { path: full, secrets });
  }
}

/** Query parameters whose names say they hold a credential. */
const SECRET_PARAM = /token|key|secret|sign|passw|auth/i;

/** What secret a request to this address would carry: the token in the URL, the field beside it. */
function secretsCarried(ctx: RuleContext, path: PathSegment[], info: ChannelInfo | undefined, url: URL): string[] {
  const out: string[] = [];
  const field = path.join('.');
  if (url.password) out.push(`the password in ${field}`);
  if (info?.tokenParam) {
    if (url.searchParams.get(info.tokenParam)) out.push(`the ${info.tokenParam} in ${field}`);
  } else if (info) {
    if (url.pathname.length > info.path.length) out.push(`the hook token in ${field}`);
  } else {
    url.searchParams.forEach((value, name) => {
      if (value && SECRET_PARAM.test(name)) out.push(`the ${name} parameter in ${field}`);
    });
  }
  // The field beside the address that the request uses: Token (sent as a header), SecretKey / secret (signs it).
  const parent = path.slice(0, -1);
  for (const key of ['Token', 'SecretKey', 'secret']) {
    const v = nodeAt(ctx.body, [...parent, key]);
    if (isString(v) && v.value.trim() !== '') out.push([...parent, key].join('.'));
  }
  return out;
}
