/**
 * Small judgements about string values shared by rules: references, documentation
 * placeholders, where a secret sits inside a URL.
 */
const REFERENCE = /\$\{(env|secret):[^}]+\}/;

export function hasReference(s: string): boolean {
  return REFERENCE.test(s);
}

/**
 * A documentation placeholder rather than a real value: `<url>`, `***`, `SECxxx`,
 * `6KKxxx`. Vendor docs write their examples this way, and such examples must
 * validate cleanly, so rules about real values skip them.
 */
export function isPlaceholder(s: string): boolean {
  const t = s.trim();
  return t === '' || /^<[^<>]*>$/.test(t) || t.includes('***') || /x{3,}/i.test(t);
}

export function isPlaintextSecret(s: string): boolean {
  return !hasReference(s) && !isPlaceholder(s);
}

/** Offsets, within the value text, of the token a bot URL carries (query parameter or Lark hook path). */
export function tokenInUrl(url: string, param: string | undefined): { start: number; end: number; token: string } | undefined {
  const re = param ? paramPattern(param) : /\/open-apis\/bot\/v2\/hook\/([^/?#]+)/;
  const m = re.exec(url);
  if (!m || !m[1]) return undefined;
  const start = m.index + m[0].length - m[1].length;
  return { start, end: start + m[1].length, token: m[1] };
}

const paramPatterns = new Map<string, RegExp>();

/** The pattern of a query parameter's value, made once per parameter name. */
function paramPattern(param: string): RegExp {
  let re = paramPatterns.get(param);
  if (!re) paramPatterns.set(param, (re = new RegExp(`[?&]${param}=([^&#]*)`)));
  return re;
}

/**
 * Byte length of a string in UTF-8, as TextEncoder encodes it (a lone surrogate
 * becomes U+FFFD, three bytes), counted without encoding it.
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
