/**
 * The floor: how long the `yaml` package alone takes to parse some bytes, against
 * how long alertcfg takes to validate the same bytes (parse, schema, rules), in one
 * process, warm (after a pass that lets the JIT settle) and cold (that first pass).
 * Run in a child process of its own (`bench.cjs --child floor ...`) so that the
 * other measurements' heaps and compiled code do not mix in.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { formatForPath, validateText } from '../../server/src/engine/index';
import { median } from './stats';

export interface FloorResult {
  label: string;
  files: number;
  bytes: number;
  /** Median of the warm passes, ms. */
  yamlMs: number;
  validateMs: number;
  yamlPasses: number[];
  validatePasses: number[];
  yamlColdMs: number;
  validateColdMs: number;
  /** validate / yaml, warm medians. */
  ratio: number;
}

function pass(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export function measureFloor(label: string, paths: string[], passes: number): FloorResult {
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  const formats = paths.map((p) => formatForPath(p));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let sink = 0;
  const parseAll = () => {
    for (const t of texts) sink += parseAllDocuments(t).length;
  };
  const validateAll = () => {
    for (let i = 0; i < texts.length; i++) sink += validateText(texts[i]!, { format: formats[i] }).findings.length;
  };
  // Alternate the two so that neither always runs on a heap the other just filled.
  const yamlColdMs = pass(parseAll);
  const validateColdMs = pass(validateAll);
  const y: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < passes; i++) {
    y.push(pass(parseAll));
    v.push(pass(validateAll));
  }
  if (sink < 0) console.log(sink);
  const yamlMs = median(y);
  const validateMs = median(v);
  return { label, files: paths.length, bytes, yamlMs, validateMs, yamlPasses: y, validatePasses: v, yamlColdMs, validateColdMs, ratio: validateMs / yamlMs };
}
