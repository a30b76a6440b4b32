/**
 * What the CLI action tests share: stand-ins and temporary folders closed and
 * removed after the file's tests, and a folder with a short-timeout
 * `.alertcfg.yaml` and the given files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atEnd, keep } from '../helpers/cleanup';

export { atEnd, keep };

/** A temporary folder holding the files (a `.alertcfg.yaml` with a short timeout unless given). */
export function workspace(files: Record<string, string>, prefix = 'alertcfg-cli-actions-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  atEnd(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, '.alertcfg.yaml'), 'timeoutMs: 3000\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
