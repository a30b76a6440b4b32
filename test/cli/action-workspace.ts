/**
 * What the CLI action tests share: stand-ins and temporary folders closed and
 * removed after the file's tests, and a folder with a short-timeout
 * `.alertcfg.yaml` and the given files.
 */
import { after } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StandIn } from '../standins/server';

const cleanup: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** Runs `fn` after the file's tests. */
export function atEnd(fn: () => Promise<void> | void): void {
  cleanup.push(fn);
}

/** A started stand-in, closed after the file's tests. */
export async function keep<T extends StandIn>(p: Promise<T>): Promise<T> {
  const s = await p;
  cleanup.push(() => s.close());
  return s;
}

/** A temporary folder holding the files (a `.alertcfg.yaml` with a short timeout unless given). */
export function workspace(files: Record<string, string>, prefix = 'alertcfg-cli-actions-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, '.alertcfg.yaml'), 'timeoutMs: 3000\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
