/**
 * Where the project is, for tests that read its files or run its built bundles:
 * the nearest folder above the running test (or the working directory) whose
 * package.json is alertcfg's. Tests run bundled from out/test/, so __dirname is
 * not where the source file was.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let found: string | undefined;

export function repoRoot(): string {
  if (found) return found;
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg)) {
        try {
          if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'alertcfg') return (found = dir);
        } catch {
          /* not ours */
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`no alertcfg package.json above ${__dirname} or ${process.cwd()}`);
}
