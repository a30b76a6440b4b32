/**
 * `npm run bench`: generates the inputs, runs alertcfg and its peers on the same
 * inputs in the same run, and writes bench/RESULTS.md and bench/results.json.
 *
 *   node bench/tmp/bench.cjs [--runs 3] [--peer-runs 2] [--edits 200] [--peer-edits 20]
 *        [--requests 100] [--peer-requests 20] [--sizes 100,1000,5000] [--repo-files 10000]
 *        [--skip package,floor,editor,peers,variant,workspace,cli,activation] [--quick] [--out DIR]
 *
 * Sections: editor latency (LSP over stdio, ours and yaml-language-server), workspace
 * scale, CLI throughput (ours and ajv-cli), the floor (bare `yaml` parsing of the same
 * bytes), growth across sizes, bundle sizes and activation in the real VS Code harness.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ActivationResult, measureActivation } from './activation';
import { type EditorRun, runEditor } from './editor';
import { type FloorResult, measureFloor } from './floor';
import { type Repo, generateRepo, multiDocFile } from './generate';
import { type Timed, timed } from './proc';
import { renderMarkdown } from './report';
import { alertcfgServer, yamlLanguageServer } from './servers';
import { type Latencies, type Spread, latencies, round, spread } from './stats';
import { type WorkspaceRun, runWorkspace } from './workspace';
import { repoRoot } from '../../test/helpers/repo';

// ------------------------------------------------------------------ options

interface Options {
  runs: number;
  peerRuns: number;
  edits: number;
  peerEdits: number;
  requests: number;
  peerRequests: number;
  sizes: number[];
  repoFiles: number;
  skip: Set<string>;
  out: string;
}

function options(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const num = (name: string, dflt: number, q: number) => Number(get(name) ?? (quick ? q : dflt));
  return {
    runs: num('runs', 3, 1),
    peerRuns: num('peer-runs', 2, 1),
    edits: num('edits', 200, 20),
    peerEdits: num('peer-edits', 20, 5),
    requests: num('requests', 100, 20),
    peerRequests: num('peer-requests', 20, 5),
    sizes: (get('sizes') ?? (quick ? '100,1000' : '100,1000,5000')).split(',').map(Number),
    repoFiles: num('repo-files', 10_000, 1000),
    skip: new Set((get('skip') ?? '').split(',').filter(Boolean)),
    out: get('out') ?? '',
  };
}

// ------------------------------------------------------------------ helpers

const REPO = repoRoot();
const TMP = join(REPO, 'bench', 'tmp');
/** The product as shipped (minified), built by bench/build.mjs for this run alone. */
const DIST = join(TMP, 'dist');
const t0 = performance.now();

function log(s: string): void {
  const secs = ((performance.now() - t0) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[bench ${secs}s] ${s}\n`);
}

const r1 = (x: number) => round(x, 1);

/** Summary of several runs' latencies: the median run's figure for each percentile, with the spread. */
export interface LatencySummary {
  p50: Spread;
  p90: Spread;
  p99: Spread;
  samplesPerRun: number;
}

function summariseLatencies(runs: Latencies[]): LatencySummary {
  return {
    p50: spread(runs.map((l) => r1(l.p50))),
    p90: spread(runs.map((l) => r1(l.p90))),
    p99: spread(runs.map((l) => r1(l.p99))),
    samplesPerRun: runs[0]?.n ?? 0,
  };
}

export interface EditorSummary {
  server: string;
  resources: number;
  bytes: number;
  runs: number;
  firstDiagnosticsMs: Spread;
  firstDiagnosticsCount: number;
  edit: LatencySummary;
  completion: LatencySummary;
  hover: LatencySummary;
  peakRssMb: Spread;
  /** Peak RSS when the first diagnostics had arrived (before the edits). */
  peakRssOpenMb: Spread;
  completionItemsPerRequest: number;
  hoversFound: string;
  firstCompletionMs: Spread;
  firstHoverMs: Spread;
  errors: string[];
}

function summariseEditor(server: string, resources: number, runs: EditorRun[], errors: string[]): EditorSummary {
  return {
    server,
    resources,
    bytes: runs[0]?.bytes ?? 0,
    runs: runs.length,
    firstDiagnosticsMs: spread(runs.map((r) => r1(r.firstDiagnosticsMs))),
    firstDiagnosticsCount: runs[0]?.firstDiagnosticsCount ?? 0,
    edit: summariseLatencies(runs.map((r) => latencies(r.editMs))),
    completion: summariseLatencies(runs.map((r) => latencies(r.completionMs))),
    hover: summariseLatencies(runs.map((r) => latencies(r.hoverMs))),
    peakRssMb: spread(runs.map((r) => r1(r.peakRssMb))),
    peakRssOpenMb: spread(runs.map((r) => r1(r.peakRssOpenMb))),
    completionItemsPerRequest: runs.length ? r1(runs[0]!.completionItems / Math.max(1, runs[0]!.completionMs.length)) : 0,
    hoversFound: runs.length ? `${runs[0]!.hoversFound}/${runs[0]!.hoverMs.length}` : '',
    firstCompletionMs: spread(runs.map((r) => r1(r.firstCompletionMs))),
    firstHoverMs: spread(runs.map((r) => r1(r.firstHoverMs))),
    errors,
  };
}

export interface CliSummary {
  tool: string;
  label: string;
  files: number;
  bytes: number;
  runs: number;
  wallMs: Spread;
  filesPerSecond: Spread;
  peakRssMb: Spread;
  cpuMs: Spread;
  exitCode: number | null;
  note?: string;
}

function summariseCli(tool: string, label: string, files: number, bytes: number, runs: Timed[], note?: string): CliSummary {
  return {
    tool,
    label,
    files,
    bytes,
    runs: runs.length,
    wallMs: spread(runs.map((r) => r1(r.wallMs))),
    filesPerSecond: spread(runs.map((r) => Math.round(files / (r.wallMs / 1000)))),
    peakRssMb: spread(runs.map((r) => r1(r.peakRssMb))),
    cpuMs: spread(runs.map((r) => r1(r.userMs + r.sysMs))),
    exitCode: runs[0]?.exitCode ?? null,
    ...(note ? { note } : {}),
  };
}

function machine() {
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

// ------------------------------------------------------------------ sections

/** `npm run package`: the .vsix the activation measurement installs (it also rebuilds dist/, minified). */
function packageExtension(): string | undefined {
  log('package: npm run package (alertcfg.vsix for the VS Code harness)');
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) return `npm run package failed: ${(r.stderr || r.stdout).split('\n').slice(-5).join(' ')}`;
  return undefined;
}

interface Inputs {
  multi: { resources: number; path: string; bytes: number; meanBytes: number; flawed: number }[];
  repo: Repo;
}

function generateInputs(o: Options): Inputs {
  const dir = join(TMP, 'inputs');
  mkdirSync(dir, { recursive: true });
  const multi = o.sizes.map((n) => {
    const f = multiDocFile(n);
    const path = join(dir, `alerts-${n}.yaml`);
    writeFileSync(path, f.text);
    const bytes = Buffer.byteLength(f.text);
    return { resources: n, path, bytes, meanBytes: Math.round(bytes / n), flawed: f.flawed };
  });
  log(`inputs: multi-document files of ${o.sizes.join(', ')} resources (${multi.map((m) => `${(m.bytes / 1024).toFixed(0)} KiB`).join(', ')}, ~${multi[0]!.meanBytes} bytes each)`);
  const repo = generateRepo(join(TMP, 'repo'), o.repoFiles);
  log(`inputs: repository of ${repo.files} files (${(repo.bytes / 2 ** 20).toFixed(1)} MiB, ${repo.flawed} with an error, one cross-file clash)`);
  return { multi, repo };
}

function repoFiles(repo: Repo, teams: number): string[] {
  const out: string[] = [];
  for (const t of repo.teams.slice(0, teams)) for (const f of readdirSync(join(repo.root, t)).sort()) out.push(join(repo.root, t, f));
  return out;
}

/** Runs the floor measurement in a fresh process. */
function floorChild(label: string, paths: string[], passes: number): Promise<FloorResult> {
  const listFile = join(TMP, `floor-${label.replace(/\W+/g, '-')}.json`);
  writeFileSync(listFile, JSON.stringify({ label, paths, passes }));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--child', 'floor', listFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as FloorResult) : reject(new Error(`floor child failed (${code})`))));
  });
}

async function floorSection(inputs: Inputs): Promise<FloorResult[]> {
  const out: FloorResult[] = [];
  for (const m of inputs.multi) {
    log(`floor: ${m.resources} resources in one file: yaml parseAllDocuments vs validateText`);
    out.push(await floorChild(`${m.resources} resources, one file`, [m.path], m.resources >= 5000 ? 4 : 6));
  }
  const files = repoFiles(inputs.repo, inputs.repo.teams.length);
  log(`floor: repository of ${files.length} files: yaml parseAllDocuments vs validateText, file by file`);
  out.push(await floorChild(`${files.length} files`, files, 4));
  return out;
}

async function editorSection(o: Options, inputs: Inputs): Promise<EditorSummary[]> {
  const out: EditorSummary[] = [];
  const servers = [
    { spec: alertcfgServer(DIST), runs: o.runs, edits: o.edits, requests: o.requests },
    ...(o.skip.has('peers') ? [] : [{ spec: yamlLanguageServer(REPO), runs: o.peerRuns, edits: o.peerEdits, requests: o.peerRequests }]),
  ];
  for (const m of inputs.multi) {
    const text = readFileSync(m.path, 'utf8');
    for (const s of servers) {
      const runs: EditorRun[] = [];
      const errors: string[] = [];
      for (let r = 0; r < s.runs; r++) {
        log(`editor: ${s.spec.name}, ${m.resources} resources, run ${r + 1}/${s.runs} (${s.edits} edits, ${s.requests} completions and hovers)`);
        try {
          runs.push(
            await runEditor(s.spec, text, m.resources, join(TMP, 'editor', `${s.spec.name}-${m.resources}`), { edits: s.edits, completions: s.requests, hovers: s.requests, thinkMs: 20, settleMs: 1500, timeoutMs: 120_000 }, log),
          );
        } catch (err) {
          errors.push((err as Error).message.split('\n')[0]!);
          log(`editor: ${s.spec.name} failed: ${errors[errors.length - 1]}`);
        }
      }
      const sum = summariseEditor(s.spec.name, m.resources, runs, errors);
      out.push(sum);
      log(`editor: ${s.spec.name} ${m.resources}: first ${sum.firstDiagnosticsMs.median} ms, edit p50 ${sum.edit.p50.median} / p99 ${sum.edit.p99.median} ms, completion p99 ${sum.completion.p99.median} ms, hover p99 ${sum.hover.p99.median} ms, RSS ${sum.peakRssMb.median} MB`);
    }
  }
  // The same server under plain node (as `alertcfg-language-server` starts it, without the extension's flags), once, at the largest size.
  const largest = inputs.multi[inputs.multi.length - 1];
  if (largest && !o.skip.has('variant')) {
    const spec = alertcfgServer(DIST, [], 'alertcfg (plain node)');
    log(`editor: ${spec.name}, ${largest.resources} resources, 1 run (plain node)`);
    try {
      const run = await runEditor(spec, readFileSync(largest.path, 'utf8'), largest.resources, join(TMP, 'editor', `variant-${largest.resources}`), { edits: o.edits, completions: o.requests, hovers: o.requests, thinkMs: 20, settleMs: 1500, timeoutMs: 120_000 }, log);
      out.push(summariseEditor(spec.name, largest.resources, [run], []));
    } catch (err) {
      log(`editor: plain-node variant failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return out;
}

export interface WorkspaceSummary {
  files: number;
  runs: number;
  crossFindingsMs: Spread;
  peakRssMb: Spread;
  errors: string[];
}

async function workspaceSection(o: Options, inputs: Inputs): Promise<WorkspaceSummary> {
  const runs: WorkspaceRun[] = [];
  const errors: string[] = [];
  for (let r = 0; r < o.runs; r++) {
    log(`workspace: index ${inputs.repo.files} files and publish the cross-file finding, run ${r + 1}/${o.runs}`);
    try {
      runs.push(await runWorkspace(alertcfgServer(DIST), inputs.repo.root, inputs.repo.clash[1], inputs.repo.files, 120_000));
    } catch (err) {
      errors.push((err as Error).message.split('\n')[0]!);
    }
  }
  const sum = { files: inputs.repo.files, runs: runs.length, crossFindingsMs: spread(runs.map((r) => r1(r.crossFindingsMs))), peakRssMb: spread(runs.map((r) => r1(r.peakRssMb))), errors };
  log(`workspace: cross-file finding after ${sum.crossFindingsMs.median} ms, RSS ${sum.peakRssMb.median} MB`);
  return sum;
}

async function cliSection(o: Options, inputs: Inputs): Promise<CliSummary[]> {
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

function bundleSection(): { name: string; bytes: number; gzipBytes: number }[] {
  const out: { name: string; bytes: number; gzipBytes: number }[] = [];
  for (const name of ['cli.js', 'server.js', 'extension.js']) {
    const p = join(DIST, name);
    if (!existsSync(p)) continue;
    const b = readFileSync(p);
    out.push({ name: `dist/${name}`, bytes: b.length, gzipBytes: gzipSync(b).length });
  }
  log(`bundle: ${out.map((b) => `${b.name} ${(b.bytes / 1024).toFixed(0)} KiB`).join(', ')}`);
  return out;
}

async function activationSection(o: Options, bundle: { name: string; bytes: number; gzipBytes: number }[]): Promise<ActivationResult> {
  const failed = o.skip.has('package') ? undefined : packageExtension();
  const vsix = join(REPO, 'alertcfg.vsix');
  if (failed) return { ok: false, reason: failed };
  if (!existsSync(vsix)) return { ok: false, reason: 'alertcfg.vsix is missing (npm run package)' };
  bundle.push({ name: 'alertcfg.vsix', bytes: statSync(vsix).size, gzipBytes: NaN });
  log('activation: code-server + headless Chromium, install the .vsix, open a workspace with .alertcfg.yaml');
  const r = await measureActivation(vsix);
  log(r.ok ? `activation: workbench ${r.workbenchReadyMs} ms, status bar item after ${r.statusBarMs} ms, VS Code reports ${r.reportedActivationMs ?? '?'} ms` : `activation: not measured: ${r.reason}`);
  return r;
}

// ------------------------------------------------------------------ targets

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean | undefined;
}

function checkTargets(results: Results): TargetCheck[] {
  const ed = (server: string, n: number) => results.editor.find((e) => e.server === server && e.resources === n);
  const ours5k = ed('alertcfg', 5000);
  const peer5k = ed('yaml-language-server', 5000);
  const ours100 = ed('alertcfg', 100);
  const out: TargetCheck[] = [];
  const add = (target: string, value: number | undefined, ok: (v: number) => boolean, unit = 'ms') =>
    out.push({ target, value: value === undefined || !Number.isFinite(value) ? 'not measured' : `${value} ${unit}`.trim(), met: value === undefined || !Number.isFinite(value) ? undefined : ok(value) });
  add('Edit → diagnostics at 5,000 resources, p50 ≤ 50 ms', ours5k?.edit.p50.median, (v) => v <= 50);
  add('Edit → diagnostics at 5,000 resources, p99 ≤ 100 ms', ours5k?.edit.p99.median, (v) => v <= 100);
  if (ours5k && peer5k) add('Edit → diagnostics at 5,000: ≥ 15× faster than yaml-language-server (p50)', round(peer5k.edit.p50.median / ours5k.edit.p50.median, 1), (v) => v >= 15, '×');
  add('Edit → diagnostics at 100 resources, p50 ≤ 15 ms', ours100?.edit.p50.median, (v) => v <= 15);
  add('Time to first diagnostics at 5,000 resources ≤ 250 ms', ours5k?.firstDiagnosticsMs.median, (v) => v <= 250);
  const ours = results.editor.filter((e) => e.server === 'alertcfg');
  if (ours.length) {
    add('Completion p99 ≤ 10 ms at every size (worst size)', Math.max(...ours.map((e) => e.completion.p99.median)), (v) => v <= 10);
    add('Hover p99 ≤ 10 ms at every size (worst size)', Math.max(...ours.map((e) => e.hover.p99.median)), (v) => v <= 10);
  }
  add('Server RSS at 5,000 resources ≤ 150 MB', ours5k?.peakRssMb.median, (v) => v <= 150, 'MB');
  add('Server RSS with the 10,000-file workspace indexed ≤ 250 MB', results.workspace?.peakRssMb.median, (v) => v <= 250, 'MB');
  const big = results.cli.filter((c) => c.files === results.inputs.repo.files);
  const oursCli = big.find((c) => c.tool === 'alertcfg');
  const ajvCli = big.find((c) => c.tool === 'ajv-cli');
  if (oursCli && ajvCli) {
    add(`CLI ≥ 5× ajv-cli's files/s on the ${results.inputs.repo.files}-file repository`, round(oursCli.filesPerSecond.median / ajvCli.filesPerSecond.median, 2), (v) => v >= 5, '×');
    // The bound any Node CLI has here: starting node and reading the files, validating nothing.
    const floor = big.find((c) => c.tool === 'floor: node start-up + read every file');
    if (floor) out[out.length - 1]!.value += ` (a node process that only starts and reads the files: ${round(floor.filesPerSecond.median / ajvCli.filesPerSecond.median, 2)} ×)`;
  }
  add('CLI ≥ 2,000 files/s', oursCli?.filesPerSecond.median, (v) => v >= 2000, 'files/s');
  if (results.floor.length) add('Validation ≤ 1.5× the bare yaml parse of the same bytes (worst input)', round(Math.max(...results.floor.map((f) => f.ratio)), 2), (v) => v <= 1.5, '×');
  return out;
}

// ------------------------------------------------------------------ main

function repoInfo(repo: Repo): Results['inputs']['repo'] {
  const { root: _root, teams, ...rest } = repo;
  return { ...rest, teams: teams.length };
}

export interface Results {
  machine: ReturnType<typeof machine>;
  options: Omit<Options, 'skip'> & { skip: string[] };
  inputs: { multi: Inputs['multi']; repo: Omit<Repo, 'teams' | 'root'> & { teams: number } };
  floor: FloorResult[];
  editor: EditorSummary[];
  workspace: WorkspaceSummary | undefined;
  cli: CliSummary[];
  bundle: { name: string; bytes: number; gzipBytes: number }[];
  activation: ActivationResult | undefined;
  targets: TargetCheck[];
  durationS: number;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child' && argv[1] === 'floor') {
    const { label, paths, passes } = JSON.parse(readFileSync(argv[2]!, 'utf8')) as { label: string; paths: string[]; passes: number };
    process.stdout.write(JSON.stringify(measureFloor(label, paths, passes)));
    return;
  }
  const o = options(argv);
  const m = machine();
  log(`machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, load average ${m.loadAverageAtStart.join(' ')}`);
  if (!existsSync(join(DIST, 'server.js')) || !existsSync(join(DIST, 'cli.js'))) throw new Error(`${DIST} is missing: run node bench/build.mjs first (npm run bench does)`);
  const inputs = generateInputs(o);
  const results: Results = {
    machine: m,
    options: { ...o, skip: [...o.skip] },
    inputs: { multi: inputs.multi.map((x) => ({ ...x, path: x.path.slice(REPO.length + 1) })), repo: repoInfo(inputs.repo) },
    floor: [],
    editor: [],
    workspace: undefined,
    cli: [],
    bundle: [],
    activation: undefined,
    targets: [],
    durationS: 0,
  };
  if (!o.skip.has('floor')) results.floor = await floorSection(inputs);
  if (!o.skip.has('editor')) results.editor = await editorSection(o, inputs);
  if (!o.skip.has('workspace')) results.workspace = await workspaceSection(o, inputs);
  if (!o.skip.has('cli')) results.cli = await cliSection(o, inputs);
  results.bundle = bundleSection();
  if (!o.skip.has('activation')) results.activation = await activationSection(o, results.bundle);
  results.targets = checkTargets(results);
  m.loadAverageAtEnd = loadavg().map((x) => round(x, 2));
  results.durationS = Math.round((performance.now() - t0) / 1000);
  const outDir = o.out || join(REPO, 'bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, 'RESULTS.md'), renderMarkdown(results));
  log(`done in ${results.durationS} s: ${join(outDir, 'RESULTS.md')} and results.json`);
  for (const t of results.targets) log(`target ${t.met === true ? 'MET    ' : t.met === false ? 'NOT MET' : 'n/a    '} ${t.target}: ${t.value}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
