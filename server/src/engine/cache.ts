/**
 * Reuse of per-document work across validations of the same file. A YAML stream is
 * split into documents; a document whose text (and inherited modeline and glob
 * association) is unchanged keeps its parse and its findings, which are stored
 * relative to the document's start. A JSON file is one unit.
 *
 * Two ways to find what changed:
 * - by content: every document's text is looked up among the documents of the
 *   last call (works for any new text, e.g. a whole-file replacement);
 * - by edit: when the caller reports its edits (`edited`), only the documents the
 *   edits touch are split and analysed again; the others are known unchanged and
 *   only move. An edit in one document of a 5,000-document file so costs that one
 *   document plus a pass over the document table, with no scan of the whole text
 *   and no per-document copies.
 */
import { type DocumentResult, analyseDocument } from './analyse';
import type { Kind } from './model/kinds';
import type { ParsedDocument, SourceFormat } from './parse/document';
import { parseJson } from './parse/json';
import { detectFormat, neutraliseBom } from './parse/source';
import { parseYamlDocument } from './parse/yaml';
import { nextYamlSegment, splitYamlDocuments } from './parse/yaml-split';
import { hasLoneCr, withLineFeeds } from './text/line-breaks';

export interface Analysed {
  documents: ParsedDocument[];
  results: DocumentResult[];
}

interface Entry {
  doc: ParsedDocument;
  result: DocumentResult;
}

interface Inherited {
  kind?: string;
  schema?: string;
}

/** A document of the last YAML analysis: where it is, what it inherited, and its work. */
interface Seg {
  start: number;
  end: number;
  inherited: Inherited;
  entry: Entry;
}

/** Text [oldStart, oldEnd) of the last analysed text is now [oldStart, newEnd); the rest is the same. */
interface Dirty {
  oldStart: number;
  oldEnd: number;
  newEnd: number;
}

export class DocumentCache {
  /** Documents of the last YAML analysis by key (glob kind, inherited modeline, text); built from `segs` when needed. */
  private yaml: Map<string, Entry> | undefined;
  private json: { key: string; value: Analysed } | undefined;
  /** The last YAML analysis, in order, in the coordinates of the text it analysed. */
  private segs: Seg[] | undefined;
  private segsLength = 0;
  private segsGlob: Kind | undefined;
  /** Edits reported since the last analysis; undefined when there were none or they are unknown. */
  private dirty: Dirty | undefined;
  /** Whether the text may have changed in ways not reported. */
  private unknownEdits = false;
  /** The text of the last YAML analysis (the current text, so keeping it costs nothing). */
  private segsBody: string | undefined;
  /** Whether the last text analysed had a lone CR (or is not known not to have one). */
  private loneCr = true;
  /** Documents reused and analysed by the last call (for tests and benchmarks). */
  reused = 0;
  analysed = 0;

  /**
   * Reports an edit: `length` characters replaced [start, end) of the text as it was
   * after the previous edits. The next `analyse` then re-splits and re-analyses only
   * the documents the edits touched.
   */
  edited(start: number, end: number, length: number): void {
    if (!this.segs || this.unknownEdits) return;
    const d = this.dirty;
    if (!d) {
      this.dirty = { oldStart: start, oldEnd: end, newEnd: start + length };
      return;
    }
    // Merge with the earlier edits (positions here are in the text after them).
    const shift = d.newEnd - d.oldEnd;
    const hiNew = Math.max(d.newEnd, end);
    this.dirty = { oldStart: Math.min(d.oldStart, start), oldEnd: Math.max(d.oldEnd, end - shift), newEnd: hiNew + length - (end - start) };
  }

  /** Reports a change that is not a known edit (the whole text replaced): the next call compares by content. */
  replaced(): void {
    this.unknownEdits = true;
    this.dirty = undefined;
  }

  /**
   * The documents of `text` (the file's text as it is) and their results. Documents
   * are cut from, and compared as, the parsers' text (parserText), in which a lone CR
   * is an LF. An edit can so change the character just before it: an LF typed after
   * a lone CR makes that CR part of a CRLF, and deleting the LF of a CRLF leaves a
   * lone CR. That character is in the document holding the character before the
   * edit, which is the first one analyseEdited splits and compares again.
   */
  analyse(text: string, format: SourceFormat | undefined, globKind: Kind | undefined): Analysed {
    const body = this.parsersText(text);
    this.reused = 0;
    this.analysed = 0;
    if ((format ?? detectFormat(body)) === 'json') return this.analyseJson(body, globKind);
    const d = this.dirty;
    const known = !this.unknownEdits && this.segs !== undefined && this.segsGlob === globKind;
    this.dirty = undefined;
    this.unknownEdits = false;
    if (known && d !== undefined && body.length === this.segsLength + d.newEnd - d.oldEnd) return this.analyseEdited(body, globKind, d);
    // No edit since the last call (settings changed, say): the same documents, as they are.
    if (known && d === undefined && body === this.segsBody) {
      this.reused = this.segs!.length;
      return this.commit(this.segs!, body, globKind);
    }
    return this.segs ? this.analyseYaml(body, globKind) : this.analyseFresh(body, globKind);
  }

  /**
   * parserText, without a pass over the whole text on an edit of a text that had no
   * lone CR: a lone CR can then only be next to the edits (a CR is lone or not by
   * the character after it).
   */
  private parsersText(text: string): string {
    const bomless = neutraliseBom(text);
    const d = this.dirty;
    const edited = d !== undefined && !this.unknownEdits && this.segs !== undefined && text.length === this.segsLength + d.newEnd - d.oldEnd;
    if (edited && !this.loneCr && !hasLoneCr(text, d.oldStart - 1, d.newEnd)) return bomless;
    const body = withLineFeeds(bomless);
    this.loneCr = body !== bomless;
    return body;
  }

  /**
   * The first analysis: nothing to reuse, so no lookup keys either. Documents keep
   * slices of the text (the document's own current text, alive anyway; with lone
   * CRs, the parsers' copy of it); later analyses copy what they keep.
   */
  private analyseFresh(body: string, globKind: Kind | undefined): Analysed {
    const segs: Seg[] = [];
    let inherited: Inherited = {};
    for (const seg of splitYamlDocuments(body)) {
      const e = this.entry(body.slice(seg.start, seg.end), segs.length, seg.start, inherited, globKind);
      segs.push({ start: seg.start, end: seg.end, inherited, entry: e });
      inherited = { kind: e.doc.modelineKind, schema: e.doc.modelineSchema };
    }
    this.yaml = undefined;
    this.json = undefined;
    return this.commit(segs, body, globKind);
  }

  private analyseJson(body: string, globKind: Kind | undefined): Analysed {
    const key = `${globKind ?? ''}\u0000${body}`;
    if (this.json?.key === key) {
      this.reused = this.json.value.documents.length;
      return this.json.value;
    }
    const documents = parseJson(body);
    const value = { documents, results: documents.map((d) => analyseDocument(d, globKind)) };
    this.analysed = documents.length;
    this.json = { key, value };
    this.yaml = undefined;
    this.segs = undefined;
    this.segsBody = undefined;
    return value;
  }

  /** By content: every document looked up by its text among those of the last call. */
  private analyseYaml(body: string, globKind: Kind | undefined): Analysed {
    const known = this.yaml ?? this.keysFromSegs();
    const next = new Map<string, Entry>();
    const segs: Seg[] = [];
    let inherited: Inherited = {};
    for (const seg of splitYamlDocuments(body)) {
      const prefix = keyPrefix(globKind, inherited);
      const key = prefix + body.slice(seg.start, seg.end);
      let e = known.get(key) ?? next.get(key);
      if (e) this.reused++;
      else {
        // The document's text is taken from the key (a flat copy made when the map
        // hashed it), not sliced from the file's text: a slice would keep this
        // version of the whole file alive for as long as the document is cached.
        e = this.entry(key.slice(prefix.length), segs.length, seg.start, inherited, globKind);
      }
      next.set(key, e);
      segs.push({ start: seg.start, end: seg.end, inherited, entry: e });
      inherited = { kind: e.doc.modelineKind, schema: e.doc.modelineSchema };
    }
    this.yaml = next;
    this.json = undefined;
    return this.commit(segs, body, globKind);
  }

  /** By edit: only the documents the reported edits touched are split and analysed again. */
  private analyseEdited(body: string, globKind: Kind | undefined, d: Dirty): Analysed {
    const old = this.segs!;
    const delta = d.newEnd - d.oldEnd;
    // The first document that can have changed: the one holding the character before
    // the edit (an edit at a document's very start can extend the one before it).
    let i0 = d.oldStart > 0 ? segAt(old, d.oldStart - 1) : 0;
    // An edit on a document's first line (its `---`) can merge it into the one before.
    while (i0 > 0) {
      // A document's text is the parsers' text: every line of it ends at an LF.
      const first = old[i0]!.entry.doc.text.indexOf('\n');
      if (d.oldStart - old[i0]!.start > (first === -1 ? Infinity : first)) break;
      i0--;
    }
    const i1 = segAt(old, d.oldEnd);
    const segs: Seg[] = old.slice(0, i0);
    this.reused += i0;
    let inherited: Inherited = old[i0]!.inherited;
    let start = old[i0]!.start;
    let resume = -1;
    for (;;) {
      const seg = nextYamlSegment(body, start);
      const slice = body.slice(seg.start, seg.end);
      // A document of the edited stretch whose text did not change keeps its work.
      let e: Entry | undefined;
      for (let k = i0; k <= i1 + 1 && k < old.length; k++) {
        const o = old[k]!;
        if (o.entry.doc.text === slice && sameInherited(o.inherited, inherited)) {
          e = o.entry;
          break;
        }
      }
      if (e) this.reused++;
      else e = this.entry(copyOf(slice), segs.length, seg.start, inherited, globKind);
      segs.push({ start: seg.start, end: seg.end, inherited, entry: e });
      inherited = { kind: e.doc.modelineKind, schema: e.doc.modelineSchema };
      start = seg.end;
      if (start >= body.length) break;
      // Past the edits, at a boundary the old text also had and with the same
      // inherited modeline: from here on everything is the old analysis, moved.
      if (start >= d.newEnd) {
        const j = segStartingAt(old, start - delta);
        if (j > i1 && sameInherited(old[j]!.inherited, inherited)) {
          resume = j;
          break;
        }
      }
    }
    if (resume !== -1) {
      this.reused += old.length - resume;
      for (let k = resume; k < old.length; k++) {
        const o = old[k]!;
        if (delta !== 0) {
          o.start += delta;
          o.end += delta;
        }
        segs.push(o);
      }
    }
    this.yaml = undefined;
    this.json = undefined;
    return this.commit(segs, body, globKind);
  }

  private entry(text: string, index: number, base: number, inherited: Inherited, globKind: Kind | undefined): Entry {
    const doc = parseYamlDocument(text, index, base, inherited);
    this.analysed++;
    return { doc, result: analyseDocument(doc, globKind) };
  }

  /** Keeps the new document table and returns the documents and results with their current positions. */
  private commit(segs: Seg[], body: string, globKind: Kind | undefined): Analysed {
    this.segs = segs;
    this.segsBody = body;
    this.segsLength = body.length;
    this.segsGlob = globKind;
    const documents: ParsedDocument[] = new Array(segs.length);
    const results: DocumentResult[] = new Array(segs.length);
    for (let index = 0; index < segs.length; index++) {
      const seg = segs[index]!;
      let { doc, result } = seg.entry;
      if (doc.index !== index || doc.base !== seg.start) {
        // Keep the moved copy, so a document that moved once is not copied again on every call.
        doc = { ...doc, index, base: seg.start };
        const s = result.summary;
        if (s && s.documentIndex !== index) result = { ...result, summary: { ...s, documentIndex: index } };
        seg.entry = { doc, result };
      }
      documents[index] = doc;
      results[index] = result;
    }
    return { documents, results };
  }

  private keysFromSegs(): Map<string, Entry> {
    const map = new Map<string, Entry>();
    for (const s of this.segs ?? []) map.set(keyPrefix(this.segsGlob, s.inherited) + s.entry.doc.text, s.entry);
    return map;
  }
}

function keyPrefix(globKind: Kind | undefined, inherited: Inherited): string {
  return `${globKind ?? ''}\u0000${inherited.kind ?? ''}\u0000${inherited.schema ?? ''}\u0000`;
}

function sameInherited(a: Inherited, b: Inherited): boolean {
  return a.kind === b.kind && a.schema === b.schema;
}

/** A flat copy of a slice, so that it does not keep the whole text it was cut from alive. */
function copyOf(slice: string): string {
  return ` ${slice}`.slice(1);
}

/** Index of the segment holding `offset` (the last one for the end of the text). */
function segAt(segs: readonly Seg[], offset: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the segment that starts exactly at `offset`, or -1. */
function segStartingAt(segs: readonly Seg[], offset: number): number {
  const i = segAt(segs, offset);
  return segs[i]!.start === offset ? i : -1;
}
