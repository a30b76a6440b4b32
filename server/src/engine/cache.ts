/**
 * Reuse of per-document work across validations of the same file. A YAML stream is
 * split into documents; a document whose text (and inherited modeline and glob
 * association) is unchanged keeps its parse and its findings, which are stored
 * relative to the document's start. An edit in one document of a 5,000-document
 * file re-parses and re-validates that one document. A JSON file is one unit.
 */
import { type DocumentResult, analyseDocument } from './analyse';
import type { Kind } from './model/kinds';
import type { ParsedDocument, SourceFormat } from './parse/document';
import { parseJson } from './parse/json';
import { detectFormat, neutraliseBom } from './parse/source';
import { parseYamlDocument } from './parse/yaml';
import { splitYamlDocuments } from './parse/yaml-split';

export interface Analysed {
  documents: ParsedDocument[];
  results: DocumentResult[];
}

interface Entry {
  doc: ParsedDocument;
  result: DocumentResult;
}

export class DocumentCache {
  private yaml = new Map<string, Entry>();
  private json: { key: string; value: Analysed } | undefined;
  /** Documents reused and analysed by the last call (for tests and benchmarks). */
  reused = 0;
  analysed = 0;

  analyse(text: string, format: SourceFormat | undefined, globKind: Kind | undefined): Analysed {
    const body = neutraliseBom(text);
    this.reused = 0;
    this.analysed = 0;
    return (format ?? detectFormat(body)) === 'json' ? this.analyseJson(body, globKind) : this.analyseYaml(body, globKind);
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
    this.yaml.clear();
    return value;
  }

  private analyseYaml(body: string, globKind: Kind | undefined): Analysed {
    const next = new Map<string, Entry>();
    const documents: ParsedDocument[] = [];
    const results: DocumentResult[] = [];
    let inherited: { kind?: string; schema?: string } = {};
    for (const seg of splitYamlDocuments(body)) {
      const text = body.slice(seg.start, seg.end);
      const key = `${globKind ?? ''}\u0000${inherited.kind ?? ''}\u0000${inherited.schema ?? ''}\u0000${text}`;
      const index = documents.length;
      let e = this.yaml.get(key) ?? next.get(key);
      if (e) this.reused++;
      else {
        const doc = parseYamlDocument(text, index, seg.start, inherited);
        e = { doc, result: analyseDocument(doc, globKind) };
        this.analysed++;
      }
      next.set(key, e);
      const doc = e.doc.index === index && e.doc.base === seg.start ? e.doc : { ...e.doc, index, base: seg.start };
      const s = e.result.summary;
      documents.push(doc);
      results.push(s && s.documentIndex !== index ? { ...e.result, summary: { ...s, documentIndex: index } } : e.result);
      inherited = { kind: doc.modelineKind, schema: doc.modelineSchema };
    }
    this.yaml = next;
    this.json = undefined;
    return { documents, results };
  }
}
