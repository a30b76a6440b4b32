/**
 * The validated file behind a URI, for commands: the open document's current
 * analysis, or the file read from the workspace when it is not open.
 */
import { type FileResult, LineIndex, type Settings, formatForPath, validateText } from '../engine/index';
import type { Analyses } from './context';

export interface UriFile {
  file: FileResult;
  lines: LineIndex;
  settings: Settings;
}

export async function fileForUri(analyses: Analyses, uri: string): Promise<UriFile | undefined> {
  const open = await analyses.analysisFor(uri);
  if (open) return open.mode === 'resource' ? { file: open.file, lines: open.doc.lines(), settings: open.scope.settings } : undefined;
  const { settings, globKind } = await analyses.scopeOf(uri);
  const text = await analyses.fileText(uri, settings.maxFileSize);
  if (text === undefined) return undefined;
  const file = validateText(text, { format: formatForPath(uri), globKind, settings });
  return { file, lines: new LineIndex(text), settings };
}
