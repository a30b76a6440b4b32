/**
 * The current analysis of an open document under its scope: a resource file is
 * validated (reusing what its cache holds); `.alertcfg.yaml` is only parsed, to be
 * read against the settings schema.
 */
import { type FileResult, type SchemaMode, decodeFile, parseSource } from '../engine/index';
import type { Configuration } from './configuration';
import type { Documents, OpenDocument } from './documents';
import type { FileScope, FileScopes } from './file-scope';
import type { WorkspaceFiles } from './platform/types';

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
    private readonly files: WorkspaceFiles,
  ) {}

  /** The analysis of an open document; undefined when it is not open. */
  async analysisFor(uri: string | undefined): Promise<DocumentAnalysis | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    if (doc.isConfig) {
      // `.alertcfg.yaml` is read against the settings schema; it is never a resource.
      const scope = await this.scopes.fileScopeOf(doc.uri);
      const documents = parseSource(doc.text, 'yaml');
      const file: FileResult = { documents, results: documents.map(() => ({ resource: undefined, findings: [] })), findings: [], ours: false };
      return { doc, file, scope, mode: 'config' };
    }
    const scope = await this.scopes.scopeOf(doc.uri);
    const file = doc.analyse(scope.settings, this.config.version, scope.globKind);
    return { doc, file, scope, mode: 'resource' };
  }

  /** The scope of any file, open or not. */
  scopeOf(uri: string): Promise<FileScope> {
    return this.scopes.scopeOf(uri);
  }

  /** A file's text in the workspace (not the editor's), decoded; undefined when it is missing, over `maxBytes` or not text. */
  async fileText(uri: string, maxBytes: number): Promise<string | undefined> {
    const path = this.documents.paths.pathOf(uri);
    const bytes = path === undefined ? undefined : await this.files.read(path, maxBytes);
    const decoded = bytes && decodeFile(bytes, maxBytes);
    return decoded && decoded.ok ? decoded.text : undefined;
  }
}
