/**
 * The current analysis of an open document under its scope: a resource file is
 * validated (reusing what its cache holds); `.alertcfg.yaml` is only parsed, to be
 * read against the settings schema.
 */
import { type FileResult, type SchemaMode, parseSource } from '../engine/index';
import type { Configuration } from './configuration';
import type { Documents, OpenDocument } from './documents';
import type { FileScope, FileScopes } from './file-scope';

export interface DocumentAnalysis {
  doc: OpenDocument;
  file: FileResult;
  scope: FileScope;
  mode: SchemaMode;
}

export class DocumentAnalyses {
  constructor(
    private readonly documents: Documents,
    private readonly scopes: FileScopes,
    private readonly config: Configuration,
  ) {}

  /** The analysis of an open document; undefined when it is not open. */
  async analysisFor(uri: string | undefined): Promise<DocumentAnalysis | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    if (doc.isConfig) {
      // `.alertcfg.yaml` is read against the settings schema; it is never a resource.
      const documents = parseSource(doc.text, 'yaml');
      const file: FileResult = { documents, results: documents.map(() => ({ resource: undefined, findings: [] })), findings: [], ours: false };
      return { doc, file, scope: this.scopes.fileScopeOf(doc.uri), mode: 'config' };
    }
    const scope = await this.scopes.scopeOf(doc.uri);
    const file = doc.analyse(scope.settings, this.config.version, scope.globKind);
    return { doc, file, scope, mode: 'resource' };
  }

  /** The scope of any file, open or not. */
  scopeOf(uri: string): Promise<FileScope> {
    return this.scopes.scopeOf(uri);
  }
}
