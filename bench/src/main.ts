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
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { measureFloor } from './floor';
import type { Repo } from './generate';
import { generateInputs } from './inputs';
import { machine } from './machine';
import { options } from './options';
import { renderMarkdown } from './report';
import type { Results } from './results';
import { DIST, REPO, log, t0 } from './run';
import { activationSection, bundleSection } from './sections/bundle';
import { cliSection } from './sections/cli';
import { editorSection } from './sections/editor';
import { floorSection } from './sections/floor';
import { workspaceSection } from './sections/workspace';
import { round } from './stats';
import { checkTargets } from './targets';

function repoInfo(repo: Repo): Results['inputs']['repo'] {
  const { root: _root, teams, ...rest } = repo;
  return { ...rest, teams: teams.length };
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
  results.bundle = bundleSection(join(inputs.repo.root, inputs.repo.teams[0]!));
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
