/**
 * `Retry-After` of a 429 answer (RFC 9110 §10.2.3): delta seconds or an HTTP date,
 * as milliseconds from `now`; undefined when the answer has none, or one that is
 * not either form.
 */
export function retryAfterMs(headers: Readonly<Record<string, string>>, now: number): number | undefined {
  const name = Object.keys(headers).find((h) => h.toLowerCase() === 'retry-after');
  const text = name === undefined ? undefined : headers[name]?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
