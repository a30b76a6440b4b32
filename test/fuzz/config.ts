/**
 * How long a fuzz run is. `npm test` runs the short campaign with a fixed seed;
 * `npm run fuzz -- --count N --seed S` (test/fuzz/run.mjs) passes the long one's
 * through the environment: FUZZ_COUNT (engine cases; the server gets a tenth as
 * many operations, at least 300), FUZZ_SEED, and FUZZ_REPORT (a file the tests
 * append their numbers to). FUZZ_BOUND_MS, set by the campaign, turns the time
 * bound of 1 MB documents into an assertion (in `npm test` only the runner's
 * timeout guards against a hang: timings are not asserted there).
 */
import { appendFileSync } from 'node:fs';

export const SHORT_SEED = 0x5eed;

export interface FuzzConfig {
  seed: number;
  engineRuns: number;
  lspOperations: number;
  largeRuns: number;
  boundMs: number | undefined;
  long: boolean;
}

function int(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number, not "${v}"`);
  return n;
}

export function fuzzConfig(): FuzzConfig {
  const count = int('FUZZ_COUNT');
  const seed = int('FUZZ_SEED') ?? SHORT_SEED;
  const bound = int('FUZZ_BOUND_MS');
  if (count === undefined) return { seed, engineRuns: 300, lspOperations: 300, largeRuns: 3, boundMs: bound, long: false };
  return { seed, engineRuns: count, lspOperations: Math.max(300, Math.round(count / 10)), largeRuns: Math.max(3, Math.round(count / 500)), boundMs: bound, long: true };
}

/** Appends one line of numbers to the campaign's report, when there is one. */
export function report(entry: Record<string, unknown>): void {
  const file = process.env['FUZZ_REPORT'];
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`);
}
