/**
 * What every part of a benchmark run shares: where the repository, the scratch
 * folder and the product under test are, and the run's log.
 */
import { join } from 'node:path';
import { repoRoot } from '../../test/helpers/repo';
import { round } from './stats';

export const REPO = repoRoot();
export const TMP = join(REPO, 'bench', 'tmp');
/** The product as shipped (minified), built by bench/build.mjs for this run alone. */
export const DIST = join(TMP, 'dist');
export const t0 = performance.now();

export function log(s: string): void {
  const secs = ((performance.now() - t0) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[bench ${secs}s] ${s}\n`);
}

export const r1 = (x: number) => round(x, 1);
