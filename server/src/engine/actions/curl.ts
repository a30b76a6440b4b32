/**
 * curl commands that run as printed and show no secret (`alertcfg preview --curl`):
 * a secret, reference value or credential appears as the environment variable the
 * CLI read it from (`"$ALERTCFG_SECRET_NAME"`), so the shell that ran alertcfg can
 * run the command too. Signatures are printed whole (a command without them would
 * be refused), and the notes say until when the vendor accepts them. A secret with
 * no variable to read it from (written in the file, or in an encoded form) stays
 * masked, and a note says that the command will not run as printed.
 */
import type { ActionPlan } from './build/context';
import type { PlannedRequest } from './plan';
import { decodeUnset, hasUnset } from './variables';

/** Shorter values are not secrets (the masker leaves them too) and would cut the text at random places. */
const MIN_SUBSTITUTED = 4;

export interface RunnableCurl {
  /** One command per request. */
  commands: string[];
  notes: string[];
}

type Part = { text: string } | { variable: string };

export function runnableCurl(plan: ActionPlan): RunnableCurl {
  const commands: string[] = [];
  const notes: string[] = [];
  const used = new Set<string>();
  // Longest first, so that a value containing another is read from its own variable.
  const origins = [...plan.origins.entries()].filter(([v]) => v.length >= MIN_SUBSTITUTED).sort((a, b) => b[0].length - a[0].length);
  for (const p of plan.requests) {
    let masked = false;
    const word = (text: string): string => {
      const parts = split(text, origins);
      return parts
        .map((part) => {
          if ('variable' in part) {
            used.add(part.variable);
            return `"$${part.variable}"`;
          }
          const shown = plan.masker.maskKeepingSignatures(part.text);
          if (shown !== part.text) masked = true;
          return quote(decodeUnset(shown));
        })
        .join('');
    };
    const words = ['curl', '-sS', '-X', p.request.method, word(p.request.url)];
    for (const [k, v] of Object.entries(p.request.headers)) {
      const basic = k.toLowerCase() === 'authorization' ? basicAuth(v) : undefined;
      if (basic && !hasUnset(v)) words.push('-u', word(`${basic.user}:${basic.password}`));
      else words.push('-H', word(`${k}: ${v}`));
    }
    if (p.request.body !== undefined) words.push('--data-raw', word(p.request.body));
    commands.push(words.join(' '));
    if (masked) notes.push(`${p.label}: does not run as printed: a secret with no variable to read it from (written in the file, or one that has to be encoded) is masked (****); write it as \${secret:NAME} so that the command reads ALERTCFG_SECRET_<NAME>.`);
    if (p.signature) notes.push(signatureNote(p.label, p.signature));
  }
  if (used.size) notes.unshift(`The commands read ${[...used].sort().join(', ')} from the environment, as alertcfg does: run them where those are set.`);
  return { commands, notes };
}

/** The text cut where a known secret value occurs, each occurrence named by its variable. */
function split(text: string, origins: [string, string][]): Part[] {
  let parts: Part[] = [{ text }];
  for (const [value, variable] of origins) {
    const next: Part[] = [];
    for (const part of parts) {
      if (!('text' in part) || !part.text.includes(value)) {
        next.push(part);
        continue;
      }
      part.text.split(value).forEach((t, i) => {
        if (i > 0) next.push({ variable });
        if (t) next.push({ text: t });
      });
    }
    parts = next;
  }
  return parts.length ? parts : [{ text: '' }];
}

/** Single quotes for POSIX shells; `'` as `'\''`. */
function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `Basic base64(user:password)` decoded, for curl's `-u` (which builds the same header). */
function basicAuth(value: string): { user: string; password: string } | undefined {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(value);
  if (!m) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(m[1]!), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

function signatureNote(label: string, s: NonNullable<PlannedRequest['signature']>): string {
  const until = new Date(s.at + s.validForMs).toISOString();
  const minutes = Math.round(s.validForMs / 60_000);
  const span = minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`;
  return `${label}: signed at ${new Date(s.at).toISOString()}; ${s.by} accepts the signature until ${until} (${span}). Run preview --curl again for a new one after that.`;
}
