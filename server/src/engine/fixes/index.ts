/**
 * The quick fixes, by finding code: each finding's `code` picks a fix family, and
 * its `data` (path, property, suggestion, epochMs, suggestedName, ...) says what to do.
 */
import type { Finding } from '../model/finding';
import { lineBreakOf } from '../text/line-breaks';
import { toEpochMs } from './epoch';
import { MISSING_CODES, addMissingProperty } from './missing';
import { moveFieldsUp } from './move';
import { removeIgnoredField } from './remove';
import { fixUnknownProperty } from './rename';
import { moveSecret } from './secret';
import type { Fix, FixContext, FixFunction } from './types';
import { addMention, useHttps, useReplacement, useSuggestedValue } from './values';

const TABLE: readonly { matches: (code: string) => boolean; fix: FixFunction }[] = [
  { matches: (c) => c.startsWith('MissingParameter.') || MISSING_CODES.includes(c), fix: addMissingProperty },
  { matches: (c) => c === 'complete-ignores-field', fix: removeIgnoredField },
  { matches: (c) => c === 'unknown-property', fix: fixUnknownProperty },
  { matches: (c) => c === 'timestamp-not-epoch-ms' || c === 'timestamp-in-seconds', fix: toEpochMs },
  { matches: (c) => c === 'secret-in-plaintext', fix: moveSecret },
  { matches: (c) => c === 'invalid-value' || c === 'timeout-ambiguous' || c.startsWith('InvalidParameter.'), fix: useSuggestedValue },
  { matches: (c) => c === 'wecom-bare-key', fix: useReplacement },
  { matches: (c) => c === 'insecure-url', fix: useHttps },
  { matches: (c) => c === 'dingtalk-mention-missing', fix: addMention },
  { matches: (c) => c === 'callback-time-nested', fix: moveFieldsUp },
];

/**
 * The quick fixes for one finding; empty when there is none or the text no longer fits it.
 * The fixes write LF; lines they add end as the file's lines do (CRLF or a lone CR).
 */
export function fixesFor(finding: Finding, ctx: FixContext): Fix[] {
  const out: Fix[] = [];
  for (const row of TABLE) {
    if (!row.matches(finding.code)) continue;
    try {
      out.push(...row.fix(finding, ctx));
    } catch {
      // A fix that cannot be computed is not offered.
    }
  }
  const eol = out.length ? lineBreakOf(ctx.text) : '\n';
  if (eol === '\n') return out;
  // `\r?\n`: a CRLF the fix took from the text stays one line break.
  return out.map((f) => ({ ...f, edits: f.edits.map((e) => (e.newText.includes('\n') ? { ...e, newText: e.newText.replace(/\r?\n/g, eol) } : e)) }));
}

/** Applies offset edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export type { Fix, FixContext, OffsetEdit, SecretMove } from './types';
export { secretMoveFor, envNameFor } from './secret';
