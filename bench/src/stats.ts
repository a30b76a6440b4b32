/** Percentiles, medians and the spread of repeated runs. */

/** The p-th percentile (0-100) of samples, by the nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Spread {
  /** Median of the per-run values. */
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** Summary of one figure measured in several runs. */
export function spread(runs: readonly number[]): Spread {
  const ok = runs.filter((x) => Number.isFinite(x));
  return { median: round(median(ok), 3), min: ok.length ? Math.min(...ok) : NaN, max: ok.length ? Math.max(...ok) : NaN, runs: [...runs] };
}

export interface Latencies {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  n: number;
}

export function latencies(samples: readonly number[]): Latencies {
  return { p50: percentile(samples, 50), p90: percentile(samples, 90), p99: percentile(samples, 99), max: samples.length ? Math.max(...samples) : NaN, n: samples.length };
}

export function round(x: number, digits = 1): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
