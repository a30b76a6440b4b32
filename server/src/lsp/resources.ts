/**
 * The validated file behind a URI, for commands: the open document's current
 * analysis, or the file read from disk when it is not open.
 */
import { readFileSync } from 'node:fs';
import { type FileResult, LineIndex, type Settings, decodeFile, formatForPath, validateText } from '../engine/index';
import type { Analyses } from './context';
import { pathOfUri } from './documents';

export interface UriFile {
  file: FileResult;
  lines: LineIndex;
  settings: Settings;
}

export async function fileForUri(analyses: Analyses, uri: string): Promise<UriFile | undefined> {
  const open = await analyses.analysisFor(uri);
  if (open) return open.mode === 'resource' ? { file: open.file, lines: open.doc.lines(), settings: open.scope.settings } : undefined;
  const path = pathOfUri(uri);
  if (!path) return undefined;
  const { settings, globKind } = await analyses.scopeOf(uri);
  try {
    const decoded = decodeFile(readFileSync(path), settings.maxFileSize);
    if (!decoded.ok) return undefined;
    const file = validateText(decoded.text, { format: formatForPath(path), globKind, settings });
    return { file, lines: new LineIndex(decoded.text), settings };
  } catch {
    return undefined;
  }
}
