/**
 * `alertcfg validate` shares the files of a big run among worker threads (from
 * 2,000 files). The report must be exactly the one a single thread gives: same
 * findings, same order, same cross-file findings, same skipped files and exit code.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, makeRepo } from './run-cli';

function run(cwd: string, workers: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ALERTCFG_WORKERS: workers };
  delete env['NODE_OPTIONS'];
  const r = spawnSync(process.execPath, [CLI, 'validate', ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('worker threads give the same report as one thread', { timeout: 240_000 }, () => {
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < 2100; i++) {
    const dir = `team-${String(Math.floor(i / 100)).padStart(2, '0')}`;
    const email = i % 97 === 3 ? `bad-${i}` : `c${i}@example.com`;
    files[`${dir}/contact-${i}.yaml`] = `apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: c${i}\nspec:\n  Name: ${i === 7 || i === 2007 ? 'shared' : `c${i}`}\n  Email: ${email}\n`;
  }
  files['team-03/binary.yaml'] = new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0, 1, 2]);
  files['team-04/latin1.yaml'] = Buffer.concat([Buffer.from('apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
  files['notes/k8s.yaml'] = 'apiVersion: v1\nkind: ConfigMap\n';
  const root = makeRepo(files);
  for (const args of [['--format', 'json'], []]) {
    const one = run(root, '0', args);
    const many = run(root, '2', args);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(many.status, one.status);
    assert.equal(many.stdout, one.stdout);
    assert.equal(many.stderr, one.stderr);
  }
  const report = JSON.parse(run(root, '2', ['--format', 'json']).stdout) as { files: { file: string; findings: { code: string }[] }[] };
  const codes = report.files.flatMap((f) => f.findings.map((x) => x.code));
  assert.equal(codes.filter((c) => c === 'Conflict.Name').length, 2);
  assert.ok(codes.filter((c) => c.startsWith('InvalidParameter.Email')).length >= 20);
  assert.ok(codes.includes('encoding-error'));
});
