/**
 * The GitHub Action (action.yml at the repository root), its steps run as the
 * runner runs them (run-action.ts) in a temporary repository: alertcfg installed
 * from the npm package's tarball (offline), annotations for the findings, SARIF
 * 2.1.0 written for code scanning, the exit code, and the plan step that runs only
 * when asked and when the CLI has a plan command.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { npmPackage } from '../helpers/npm-package';
import { repoRoot } from '../helpers/repo';
import { lines, makeRepo, tempDir } from '../cli/run-cli';
import { readAction, runAction } from './run-action';

const ROOT = repoRoot();

const BAD = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre', 'spec:', '  Name: sre', '  Email: not-an-address', '  Tokn: x');
const GOOD = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: ops', 'spec:', '  Name: ops', '  Email: ops@example.com');
const WARN_ONLY = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: dev', 'spec:', '  Name: dev', '  Tokn: x');

/** npm offline: the tarball needs nothing from the registry. */
const OFFLINE = { npm_config_offline: 'true', npm_config_update_notifier: 'false' };

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

test('action.yml: a composite action with the documented inputs; plan is off by default', () => {
  const action = readAction(ROOT);
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'max-warnings', 'package', 'paths', 'plan', 'sarif-file']);
  assert.equal(action.inputs['plan']!.default, 'false');
  assert.equal(action.inputs['paths']!.default, '.');
  assert.ok(action.outputs['sarif-file']);
  // Inputs reach the scripts through env only (no ${{ }} spliced into a script).
  for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `step ${step.name}`);
});

test('a pull request with a bad file: annotations, SARIF for code scanning, the step fails', { timeout: 240_000 }, async () => {
  const { tarball } = await npmPackage();
  const repo = makeRepo({ 'alerts/bad.yaml': BAD, 'alerts/good.yaml': GOOD, 'k8s/deploy.yaml': lines('apiVersion: apps/v1', 'kind: Deployment') });
  const run = runAction({ actionPath: ROOT, workspace: repo, temp: tempDir(), inputs: { package: tarball, paths: 'alerts\nk8s' }, env: OFFLINE });
  const [install, validate] = run.steps;
  assert.equal(install!.status, 0, install!.stderr);
  assert.match(install!.stdout, /^alertcfg \d+\.\d+\.\d+ from /m);
  assert.equal(run.steps.length, 2, 'the plan step does not run after a failed check');
  assert.equal(validate!.status, 1, validate!.stderr);
  assert.equal(run.status, 1);
  const annotations = validate!.stdout.split('\n').filter((l) => l.startsWith('::'));
  assert.equal(annotations.length, 2, validate!.stdout);
  assert.match(annotations[0]!, /^::error file=alerts\/bad\.yaml,line=7,col=10,endLine=7,endColumn=\d+,title=InvalidParameter\.Email::/);
  assert.match(annotations[1]!, /^::warning file=alerts\/bad\.yaml,line=8,col=3,endLine=8,endColumn=7,title=unknown-property::Unknown property "Tokn"/);

  assert.equal(run.outputs['sarif-file'], 'alertcfg.sarif');
  const log = JSON.parse(readFileSync(join(repo, 'alertcfg.sarif'), 'utf8')) as { version: string; runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
  const validateSarif = sarifValidator();
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs[0]!.tool.driver.name, 'alertcfg');
  assert.deepEqual(
    log.runs[0]!.results.map((r) => {
      const p = r.locations[0]!.physicalLocation;
      return `${r.ruleId} ${r.level} ${p.artifactLocation.uri} ${p.region.startLine}:${p.region.startColumn}`;
    }),
    ['InvalidParameter.Email error alerts/bad.yaml 7:10', 'unknown-property warning alerts/bad.yaml 8:3'],
  );
});

test('max-warnings, config and sarif-file inputs; plan: the real plan\'s Markdown goes to the job summary, and an incomplete plan fails the step', { timeout: 240_000 }, async () => {
  const { tarball } = await npmPackage();
  const repo = makeRepo({ 'alerts/dev.yaml': WARN_ONLY, 'ci/alertcfg.yaml': lines('rules:', '  unknown-property: info') });
  const temp = tempDir();
  const base = { actionPath: ROOT, workspace: repo, temp, env: OFFLINE };
  const strict = runAction({ ...base, inputs: { package: tarball, paths: 'alerts', 'max-warnings': '0', 'sarif-file': 'out.sarif' } });
  assert.equal(strict.status, 1, 'one warning is more than max-warnings 0');
  assert.match(strict.steps[1]!.stdout, /^::warning file=alerts\/dev\.yaml,line=7,col=3,.*title=unknown-property::/m);
  assert.equal(strict.outputs['sarif-file'], 'out.sarif');
  assert.ok(existsSync(join(repo, 'out.sarif')));

  const relaxed = runAction({ ...base, inputs: { package: tarball, paths: 'alerts', 'max-warnings': '0', config: 'ci/alertcfg.yaml', plan: 'true' } });
  assert.match(relaxed.steps[1]!.stdout, /^::notice file=alerts\/dev\.yaml,.*title=unknown-property::/m);
  assert.equal(relaxed.steps[1]!.status, 0);
  // The contact has no region (and the job no credentials): the plan is incomplete; its Markdown says why, and the step fails.
  assert.equal(relaxed.steps.length, 3);
  assert.equal(relaxed.steps[2]!.status, 1, relaxed.steps[2]!.stderr);
  assert.equal(relaxed.status, 1);
  assert.match(relaxed.summary, /^<!-- alertcfg-plan -->\n### alertcfg plan\n/);
  assert.match(relaxed.summary, /^> - alerts\/dev\.yaml:1: Contact "dev": No region/m);
  assert.match(relaxed.steps[2]!.stderr, /No region/);
});

test('plan: true with a CLI that has plan: its markdown goes to the job summary; plan: false never calls it', { timeout: 240_000 }, async () => {
  const { tarball } = await npmPackage();
  const repo = makeRepo({ 'alerts/ops.yaml': GOOD });
  // A stand-in alertcfg in front of the installed one: it answers `plan`, passes the rest on.
  const shims = tempDir();
  const calls = join(shims, 'calls.log');
  writeFileSync(
    join(shims, 'alertcfg'),
    [
      '#!/usr/bin/env bash',
      `echo "$*" >> '${calls}'`,
      'if [ "$1" = plan ]; then',
      '  [ "$2" = --help ] && { echo "Usage: alertcfg plan"; exit 0; }',
      '  printf "## Plan\\n\\n%s\\n" "$*"; exit 0',
      'fi',
      `PATH="\${PATH#*:}" exec alertcfg "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(join(shims, 'alertcfg'), 0o755);
  const run = (plan: string) => runAction({ actionPath: ROOT, workspace: repo, temp: tempDir(), inputs: { package: tarball, paths: 'alerts', plan }, env: OFFLINE, pathFirst: [shims] });
  const on = run('true');
  assert.equal(on.status, 0, on.steps.map((s) => s.stdout + s.stderr).join('\n'));
  assert.equal(on.summary, '## Plan\n\nplan --format markdown -- alerts\n');
  const off = run('false');
  assert.equal(off.status, 0);
  assert.equal(off.summary, '');
  const called = readFileSync(calls, 'utf8').split('\n').filter((l) => l.startsWith('plan'));
  assert.deepEqual(called, ['plan --help', 'plan --format markdown -- alerts'], 'plan runs only when asked for');
  // An alertcfg from before plan existed (a `package` input may install one): a notice, no failure.
  writeFileSync(join(shims, 'alertcfg'), ['#!/usr/bin/env bash', 'if [ "$1" = plan ]; then echo "alertcfg: unknown command \\"plan\\"." >&2; exit 2; fi', `PATH="\${PATH#*:}" exec alertcfg "$@"`, ''].join('\n'));
  const old = run('true');
  assert.equal(old.status, 0, old.steps.map((s) => s.stdout + s.stderr).join('\n'));
  assert.match(old.steps[2]!.stdout, /^::notice title=alertcfg plan::alertcfg \d+\.\d+\.\d+ has no plan command; the plan was skipped\.$/m);
  assert.equal(old.summary, '');
});
