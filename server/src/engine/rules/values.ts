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
  const re = param ? new RegExp(`[?&]${param}=([^&#]*)`) : /\/open-apis\/bot\/v2\/hook\/([^/?#]+)/;
  const m = re.exec(url);
  if (!m || !m[1]) return undefined;
  const start = m.index + m[0].length - m[1].length;
  return { start, end: start + m[1].length, token: m[1] };
}

/** Byte length of a string in UTF-8. */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}
