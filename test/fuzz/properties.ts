/**
 * The properties every input must satisfy, checked by the fuzz tests (engine.test.ts,
 * the campaign) and by the regression tests of the crashes the fuzzer found:
 *
 * 1. The engine never throws: decodeFile, validateText (with and without a
 *    DocumentCache), the editor features (completion, hover, selection ranges,
 *    outline, folding) at random offsets, the quick fixes of every finding, the
 *    configuration-file reader, and action planning and preview of every resource.
 * 2. Every range lies inside the document: findings and their related locations,
 *    completion and hover ranges, selection ranges, outline ranges, quick-fix
 *    edits; offsets are whole numbers with start <= end.
 * 3. An editor's incremental validation (a DocumentCache that saw another version
 *    of the file first) gives exactly the findings of a fresh validation.
 * 4. Only known codes are reported (each is in the rule catalog), and no finding is
 *    an `internal-error` (a rule that threw).
 * 5. The findings do not depend on how much stack the caller has used.
 * 6. With maxDocuments 2, a file of more documents gets exactly one
 *    too-many-documents finding, and the features still work on what was checked.
 * 7. Action previews never show a resolved secret.
 */
import assert from 'node:assert/strict';
import {
  type Finding,
  type Settings,
  DocumentCache,
  actionsFor,
  codeDoc,
  completionsAt,
  decodeFile,
  documentSymbols,
  fixesFor,
  foldingRanges,
  hoverAt,
  mergeSettings,
  parseConfigFile,
  planAction,
  previewPlan,
  selectResource,
  selectionRangesAt,
  validateText,
  actionableResources,
  type OutlineSymbol,
  type FileResult,
} from '../../server/src/engine/index';
import type { FuzzCase } from './mutate';

export interface CaseStats {
  chars: number;
  findings: number;
  ms: number;
}

const SETTINGS: Settings = mergeSettings();
const ALWAYS = { env: () => 'fuzz-env-value', secret: () => 'fuzz-secret-value-0001' };
const STORED: Record<string, Record<string, string>> = { huawei: { ak: 'HWAKFUZZ', sk: 'fuzz-sk' }, volcengine: { accessKeyId: 'AKLTfuzz', secretAccessKey: 'fuzz-volc-sk' }, zstack: { session: 'fuzz-session' } };
const CREDENTIALS = { get: (provider: string) => STORED[provider] };
const NOW = new Date('2024-05-20T07:00:00Z');

function inside(what: string, len: number, start: unknown, end: unknown): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets ${String(start)}-${String(end)} are not whole numbers`);
  const s = start as number;
  const e = end as number;
  assert.ok(s >= 0 && s <= e && e <= len, `${what}: range ${s}-${e} is outside the document (length ${len})`);
}

export function checkFindings(what: string, text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    inside(`${what}: ${f.code}`, text.length, f.start, f.end);
    for (const r of f.related ?? []) if (!r.file) inside(`${what}: ${f.code} related`, text.length, r.start, r.end);
    assert.ok(codeDoc(f.code), `${what}: ${f.code} is not in the rule catalog`);
    assert.notEqual(f.code, 'internal-error', `${what}: a rule threw: ${f.message}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${what}: ${f.code} has no message`);
  }
}

function checkSymbols(text: string, symbols: readonly OutlineSymbol[]): void {
  for (const s of symbols) {
    inside(`outline ${s.name}`, text.length, s.start, s.end);
    inside(`outline ${s.name} selection`, text.length, s.selection.start, s.selection.end);
    checkSymbols(text, s.children);
  }
}

/** Only what the comparison needs: findings compare by value. */
function key(findings: readonly Finding[]): string {
  return JSON.stringify(findings);
}

/** The text of a case, as the CLI and the server would see it (bytes through decodeFile). */
export function textOf(c: FuzzCase): { text: string; decodeFinding?: Finding } {
  if (c.text !== undefined) return { text: c.text };
  const d = decodeFile(c.bytes!, SETTINGS.maxFileSize);
  if (d.ok) return { text: d.text };
  if ('skip' in d) return { text: '' };
  inside(`decodeFile ${d.finding.code}`, d.text.length, d.finding.start, d.finding.end);
  return { text: d.text, decodeFinding: d.finding };
}

/** Checks every property on one case; throws (an assertion) when one fails. */
export function checkCase(c: FuzzCase, previous?: string): CaseStats {
  const started = performance.now();
  const { text } = textOf(c);
  const format = c.format;
  const fresh = validateText(text, { format, settings: SETTINGS });
  checkFindings('validateText', text, fresh.findings);
  assert.equal(fresh.documents.length, fresh.results.length);

  // Incremental validation, as the server does it: the cache first saw another version.
  const cache = new DocumentCache();
  if (previous !== undefined) validateText(previous, { format, cache, settings: SETTINGS });
  const incremental = validateText(text, { format, cache, settings: SETTINGS });
  assert.equal(key(incremental.findings), key(fresh.findings), 'the cached (editor) validation differs from a fresh one');
  // And once more with everything cached.
  assert.equal(key(validateText(text, { format, cache, settings: SETTINGS }).findings), key(fresh.findings), 'a second cached validation differs');

  features(text, fresh, c);
  parseConfigFile(text).findings.forEach((f) => inside(`config file ${f.code}`, text.length, f.start, f.end));
  actions(fresh);

  // A file cut by maxDocuments: one finding where the cut is, and the features still work on the part checked.
  if (fresh.documents.length > 2) {
    const cut = validateText(text, { format, settings: { ...SETTINGS, maxDocuments: 2 } });
    checkFindings('validateText (maxDocuments 2)', text, cut.findings);
    assert.ok(cut.documents.length <= 2, `maxDocuments 2 kept ${cut.documents.length} documents`);
    assert.equal(cut.findings.filter((f) => f.code === 'too-many-documents').length, cut.ours ? 1 : 0, 'one too-many-documents finding (in a file of ours)');
    features(text, cut, c);
    actions(cut);
  }

  // The same findings however much stack the caller has used (the parsers' recursion is bounded).
  const deeper = atDepth(1000, () => validateText(text, { format, settings: SETTINGS }));
  assert.equal(key(deeper.findings), key(fresh.findings), 'validation 1,000 stack frames deeper gives other findings');
  return { chars: text.length, findings: fresh.findings.length, ms: performance.now() - started };
}

function features(text: string, file: FileResult, c: FuzzCase): void {
  const format = c.format ?? (/^[\s\uFEFF]*[[{]/.test(text) ? 'json' : 'yaml');
  for (const p of c.probes) {
    const offset = Math.min(text.length, Math.floor(p * (text.length + 1)));
    for (const e of completionsAt(text, offset, file, { locale: 'en', format, secretNames: ['a', 'b'] })) inside(`completion "${e.label}"`, text.length, e.start, e.end);
    const h = hoverAt(text, offset, file, { locale: 'zh-cn', secretNames: ['a'], utcOffsetMinutes: 480 });
    if (h) inside('hover', text.length, h.start, h.end);
    for (const r of selectionRangesAt(text, file, offset)) inside('selection range', text.length, r.start, r.end);
  }
  if (text.length <= 200_000) {
    checkSymbols(text, documentSymbols(file));
    for (const r of foldingRanges(text, file)) inside('folding range', text.length, r.start, r.end);
  }
  for (const f of file.findings.slice(0, 40)) {
    for (const fix of fixesFor(f, { text, file, format, locale: 'en' })) {
      for (const e of fix.edits) inside(`fix "${fix.title}" of ${f.code}`, text.length, e.start, e.end);
      if (fix.moveSecret) fix.moveSecret.edit('${secret:x}');
    }
  }
}

function actions(file: FileResult): void {
  const targets = actionableResources(file);
  for (const t of targets.slice(0, 5)) {
    const sel = selectResource(file, t.documentIndex);
    if (!sel.ok) continue;
    for (const action of actionsFor(t.kind, t.body, t.envelope)) {
      const plan = planAction({ action, kind: t.kind, body: t.body, envelope: t.envelope, now: NOW, settings: SETTINGS, secrets: ALWAYS, credentials: CREDENTIALS });
      const preview = previewPlan(plan);
      assert.ok(Array.isArray(preview.requests) && Array.isArray(preview.problems));
      assert.ok(!JSON.stringify(preview).includes('fuzz-secret-value-0001'), 'a resolved secret appears unmasked in a preview');
    }
  }
}

/** Runs `f` with `frames` more stack frames in use. */
function atDepth<T>(frames: number, f: () => T): T {
  return frames <= 0 ? f() : atDepth(frames - 1, f);
}
