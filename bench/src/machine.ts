/**
 * The machine a benchmark ran on: cores, CPU, memory, Node, the commit measured
 * (and whether the tree had changes), the load, and the peers' versions.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO } from './run';
import { round } from './stats';

export function machine() {
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    // The benchmark's own outputs do not make the tree dirty.
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':!bench/RESULTS.md', ':!bench/results.json'], { cwd: REPO, encoding: 'utf8' }).trim();
    if (dirty) commit += ' (with uncommitted changes)';
  } catch {
    /* not a git checkout */
  }
  const version = (name: string) => {
    try {
      return JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version as string;
    } catch {
      return 'missing';
    }
  };
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    commit,
    loadAverageAtStart: loadavg().map((x) => round(x, 2)),
    loadAverageAtEnd: [] as number[],
    peers: { 'yaml-language-server': version('yaml-language-server'), 'ajv-cli': version('ajv-cli'), yaml: version('yaml'), ajv: version('ajv') },
  };
}
