/**
 * Masking of secrets in everything alertcfg prints: previews, curl commands, logs,
 * reports and error messages. Known secret values are replaced wherever they
 * occur; tokens in bot URLs, signatures and credential headers are masked by
 * their place even when their value is not known.
 */

/**
 * A token in a URL: the characters a query value carries (`/`, `+`, `=` of base64
 * included; `*` of an already masked value), a dot only inside. It ends at anything
 * else, so the text after a URL quoted in a message (`…access_token=xxx); put …`) is
 * never taken for part of the token. A Lark hook token is one path segment: no `/`.
 */
const URL_TOKENS = /([?&](?:access_token|key|sign|token|secret)=)((?:[\w%+/=~*-]|\.(?=[\w%+/=~*-]))+)/gi;
const LARK_HOOK = /(\/open-apis\/bot\/v2\/hook\/)((?:[\w%+=~*-]|\.(?=[\w%+=~*-]))+)/g;
const JSON_SECRET_FIELDS = /("(?:sign|secret|SecretKey|Token|token|password)"\s*:\s*")([^"\\]*)(")/g;
/** The same places without the signatures, which a command to run must carry (they expire; they are not the secret). */
const URL_TOKENS_UNSIGNED = /([?&](?:access_token|key|token|secret)=)([^&#\s"'\\]+)/gi;
const JSON_SECRET_FIELDS_UNSIGNED = /("(?:secret|SecretKey|Token|token|password)"\s*:\s*")([^"\\]*)(")/g;
const SENSITIVE_HEADERS = new Set(['authorization', 'x-auth-token', 'x-security-token', 'cookie', 'proxy-authorization']);

/** `SEC1234567890cd` → `SEC****cd`: enough to recognise a value, never enough to use it. */
export function maskValue(v: string): string {
  if (v.length >= 12) return `${v.slice(0, 3)}****${v.slice(-2)}`;
  return '****';
}

export class Masker {
  private readonly values: string[] = [];

  constructor(secrets: Iterable<string> = []) {
    for (const s of secrets) this.add(s);
  }

  add(secret: string | undefined): this {
    if (!secret || secret.length < 4) return this;
    // The value as it appears in a URL query or JSON text too.
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      if (!this.values.includes(form)) this.values.push(form);
    }
    // Longest first, so a secret containing another is masked whole.
    this.values.sort((a, b) => b.length - a.length);
    return this;
  }

  /** Masks the secrets another masker knows too. */
  merge(other: Masker): this {
    for (const v of other.values) this.add(v);
    return this;
  }

  mask(text: string): string {
    return this.maskIn(text, URL_TOKENS, JSON_SECRET_FIELDS);
  }

  /** As mask, but signatures (`sign=`, `"sign"`) stay: for commands that are meant to run. */
  maskKeepingSignatures(text: string): string {
    return this.maskIn(text, URL_TOKENS_UNSIGNED, JSON_SECRET_FIELDS_UNSIGNED);
  }

  private maskIn(text: string, urlTokens: RegExp, jsonFields: RegExp): string {
    let out = text;
    // No `\` or `"` in a mask: a masked JSON-escaped form must leave the JSON text valid.
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(maskValue(v).replace(/[\\"]/g, '*'));
    return out
      .replace(urlTokens, (_m, p: string, v: string) => p + (keep(v) ? v : maskValue(decodeSafe(v))))
      .replace(LARK_HOOK, (_m, p: string, v: string) => p + (keep(v) ? v : maskValue(v)))
      .replace(jsonFields, (_m, a: string, v: string, b: string) => a + (keep(v) || v === '' ? v : maskValue(v)) + b);
  }

  maskHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    // A value not set yet (`<unset: …>`) holds a variable's name, no secret.
    for (const [k, v] of Object.entries(headers)) out[k] = SENSITIVE_HEADERS.has(k.toLowerCase()) && !UNSET_ONLY.test(v) ? maskHeader(k, v) : this.mask(v);
    return out;
  }
}

/** Keeps a header's scheme and public parts (`SDK-HMAC-SHA256 Access=AK****`), masks the rest. */
function maskHeader(name: string, value: string): string {
  if (name.toLowerCase() !== 'authorization') return maskValue(value);
  const m = /^(\S+)\s+(.*)$/.exec(value);
  if (!m) return maskValue(value);
  const rest = m[2]!.replace(/((?:Access|Credential|Signature)=)([^,\s]+)/g, (_x, k: string, v: string) => k + maskValue(v));
  return rest === m[2] ? `${m[1]} ${maskValue(m[2]!)}` : `${m[1]} ${rest}`;
}

/** A header that is a scheme at most and a `<unset: …>` marker. */
const UNSET_ONLY = /^(?:\S+ )?<unset: [^<>]*>$/;

/** Already masked, or an unresolved reference or `<unset: …>` marker (a name, not a secret). */
function keep(v: string): boolean {
  return v.includes('****') || /^(\$\{|%24%7B|<unset:|%3Cunset)/i.test(v);
}

function decodeSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
