/**
 * The pre-commit hook (.pre-commit-hooks.yaml) with the real pre-commit, as a user
 * tries it: `pre-commit try-repo <this repository> alertcfg-validate` in a temporary
 * git repository. pre-commit installs the hook's node environment from the
 * repository itself (npm install, the prepare build, npm pack, npm install -g),
 * offline from the npm cache that `npm ci` filled; then a good file and a file that
 * is not alert config pass, and a bad file fails with its finding.
 *
 * pre-commit is Debian's package (scripts/e2e/apt-packages.txt, installed by
 * .ci/run). Without it the test skips and says why; with ALERTCFG_E2E_REQUIRE=1 it fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/repo';
import { lines, tempDir, writeTree } from '../cli/run-cli';

const ROOT = repoRoot();
const PRE_COMMIT = ['/usr/bin/pre-commit', '/usr/local/bin/pre-commit'].find((p) => existsSync(p));

const BAD = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre', 'spec:', '  Name: sre', '  Email: not-an-address');
const GOOD = lines('{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact",', '  "spec": { "Name": "ops", "Email": "ops@example.com" }', '}');
const NOT_OURS = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web');

test('.pre-commit-hooks.yaml: alertcfg-validate on YAML and JSON files, in one run', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
  const hook = hooks.find((h) => h['id'] === 'alertcfg-validate');
  assert.ok(hook, 'the hook is there');
  assert.equal(hook['entry'], 'alertcfg validate');
  assert.equal(hook['language'], 'node');
  assert.deepEqual(hook['types_or'], ['yaml', 'json']);
  assert.equal(hook['require_serial'], true);
});

test('pre-commit try-repo: good and foreign files pass, a bad file fails with its finding', { timeout: 600_000 }, (t) => {
  if (!PRE_COMMIT) {
    const reason = 'pre-commit is not installed (apt-get install pre-commit; .ci/run installs it)';
    if (process.env['ALERTCFG_E2E_REQUIRE'] === '1') throw new Error(`${reason} (ALERTCFG_E2E_REQUIRE=1)`);
    return t.skip(reason);
  }
  const repo = writeTree(tempDir(), { 'alerts/bad.yaml': BAD, 'alerts/good.json': GOOD, 'k8s/web.yaml': NOT_OURS, 'README.md': '# not checked\n' });
  const home = tempDir();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: process.env['HOME'] ?? home,
    // The hook environment, kept apart from the user's.
    PRE_COMMIT_HOME: join(home, 'pre-commit'),
    // Everything pre-commit's npm install needs is in the npm cache after npm ci.
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  delete env['NODE_OPTIONS'];
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  };
  git('init', '-q');
  git('add', '.');
  const tryRepo = (...files: string[]) => spawnSync(PRE_COMMIT, ['try-repo', ROOT, 'alertcfg-validate', '--files', ...files], { cwd: repo, env, encoding: 'utf8', timeout: 300_000 });

  const good = tryRepo('alerts/good.json', 'k8s/web.yaml', 'README.md');
  assert.equal(good.status, 0, `${good.stdout}\n${good.stderr}`);
  assert.match(good.stdout, /^alertcfg validate\.+Passed$/m);

  const bad = tryRepo('alerts/bad.yaml', 'alerts/good.json', 'k8s/web.yaml');
  assert.equal(bad.status, 1, `${bad.stdout}\n${bad.stderr}`);
  assert.match(bad.stdout, /^alertcfg validate\.+Failed$/m);
  assert.match(bad.stdout, /^alerts\/bad\.yaml:7:10 error InvalidParameter\.Email "Email" must be a valid e-mail address/m);
  // The YAML and JSON files were handed over (README.md was not); the foreign one got no findings.
  assert.match(bad.stdout, /^3 files checked \(2 alert config, 1 not alert config\), 0 skipped\. 1 error, 0 warnings\.$/m);
  assert.doesNotMatch(bad.stdout, /k8s\/web\.yaml:/);
});
