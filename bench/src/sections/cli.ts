/**
 * The CLI section: `alertcfg validate` and ajv-cli on growing parts of the
 * repository and on each multi-document file, our other threading beside the
 * default, and what node alone costs (the floor any Node CLI has).
 */
import { availableParallelism } from 'node:os';
import { statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Inputs, repoFiles } from '../inputs';
import type { Options } from '../options';
import { type Timed, timed } from '../proc';
import type { CliSummary } from '../results';
import { DIST, REPO, TMP, log } from '../run';
import { summariseCli } from '../summaries';

export async function cliSection(o: Options, inputs: Inputs): Promise<CliSummary[]> {
  const out: CliSummary[] = [];
  const repo = inputs.repo;
  const cli = join(DIST, 'cli.js');
  const ajv = join(REPO, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const schemas = join(REPO, 'schemas');
  const ajvArgs = ['validate', '--spec=draft7', '--strict=false', '--all-errors', '-c', 'ajv-formats', '-s', join(schemas, 'alertcfg.schema.json'), ...['contact', 'alarm-callback', 'dingtalk-test-connection', 'key-operation-notification', 'event-report'].flatMap((n) => ['-r', join(schemas, `${n}.schema.json`)])];
  const teamsFor = (files: number) => Math.max(1, Math.round(files / 100));
  // The CLI's other threading, beside its default: from 4 cores it adds worker threads,
  // so the variant is one thread; below, it stays on one thread, so the variant adds a worker.
  const variant = availableParallelism() >= 4 ? { label: 'one thread', workers: '0' } : { label: 'one worker thread', workers: '1' };
  const steps = [...new Set([100, 1000, 5000, repo.files].filter((n) => n <= repo.files))];
  for (const files of steps) {
    const teams = teamsFor(files);
    const all = teams >= repo.teams.length;
    const list = repoFiles(repo, teams);
    const bytes = list.reduce((n, f) => n + statSync(f).size, 0);
    const label = `repository, ${list.length} files`;
    const ours: Timed[] = [];
    const single: Timed[] = [];
    const peer: Timed[] = [];
    for (let r = 0; r < o.runs; r++) {
      log(`cli: alertcfg validate, ${list.length} files, run ${r + 1}/${o.runs}`);
      ours.push(await timed(process.execPath, [cli, 'validate', ...(all ? [] : repo.teams.slice(0, teams))], { cwd: repo.root }));
      if (list.length >= 2000) {
        log(`cli: alertcfg validate, ${variant.label} (ALERTCFG_WORKERS=${variant.workers}), ${list.length} files, run ${r + 1}/${o.runs}`);
        single.push(await timed(process.execPath, [cli, 'validate', ...(all ? [] : repo.teams.slice(0, teams))], { cwd: repo.root, env: { ALERTCFG_WORKERS: variant.workers } }));
      }
      if (!o.skip.has('peers')) {
        log(`cli: ajv-cli validate, ${list.length} files, run ${r + 1}/${o.runs}`);
        const data = all ? ['-d', '**/*.yaml', '-d', '**/*.json'] : repo.teams.slice(0, teams).flatMap((t) => ['-d', `${t}/*.yaml`, '-d', `${t}/*.json`]);
        peer.push(await timed(process.execPath, [ajv, ...ajvArgs, ...data], { cwd: repo.root }));
      }
    }
    out.push(summariseCli('alertcfg', label, list.length, bytes, ours));
    if (single.length) out.push(summariseCli(`alertcfg (${variant.label})`, label, list.length, bytes, single, `ALERTCFG_WORKERS=${variant.workers}`));
    if (peer.length) out.push(summariseCli('ajv-cli', label, list.length, bytes, peer));
    const line = out.slice(-1 - (single.length ? 1 : 0) - (peer.length ? 1 : 0));
    log(`cli: ${label}: ${line.map((c) => `${c.tool} ${c.wallMs.median} ms (${c.filesPerSecond.median} files/s, ${c.peakRssMb.median} MB)`).join('; ')}`);
    if (all) out.push(...(await cliFloor(o, list, label, bytes, repo.root)));
  }
  for (const m of inputs.multi) {
    const runs: Timed[] = [];
    for (let r = 0; r < o.runs; r++) {
      log(`cli: alertcfg validate, one file of ${m.resources} resources, run ${r + 1}/${o.runs}`);
      runs.push(await timed(process.execPath, [cli, 'validate', m.path], { cwd: dirname(m.path) }));
    }
    out.push({ ...summariseCli('alertcfg', `one file, ${m.resources} resources`, 1, m.bytes, runs), note: 'ajv-cli reads one document per YAML file, so it has no figure here' });
  }
  return out;
}

/**
 * What any Node CLI pays on the largest repository before validating anything: node
 * starting (`node -e 0`), and node starting, then reading every file of the list
 * synchronously (the list given, so no walk). Against ajv-cli's time these bound the
 * ratio a Node validator can reach on this machine.
 */
async function cliFloor(o: Options, list: string[], label: string, bytes: number, cwd: string): Promise<CliSummary[]> {
  const listFile = join(TMP, 'cli-floor-files.json');
  writeFileSync(listFile, JSON.stringify(list));
  const read = `const fs=require('fs');let n=0;for(const f of JSON.parse(fs.readFileSync(${JSON.stringify(listFile)},'utf8')))n+=fs.readFileSync(f).length;if(!n)process.exit(1)`;
  const start: Timed[] = [];
  const reads: Timed[] = [];
  for (let r = 0; r < o.runs; r++) {
    log(`cli: floor (node start-up; start-up and reading the ${list.length} files), run ${r + 1}/${o.runs}`);
    start.push(await timed(process.execPath, ['-e', '0'], { cwd }));
    reads.push(await timed(process.execPath, ['-e', read], { cwd }));
  }
  return [summariseCli('floor: node start-up', label, list.length, bytes, start), summariseCli('floor: node start-up + read every file', label, list.length, bytes, reads)];
}
