/**
 * The CLI as a new user meets it: every subcommand's --help prints that command's
 * usage and exits 0; option values it refuses say what they take; files that
 * cannot be read are named in a sentence, worded alike in every subcommand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoStack, lines, makeRepo, runCli } from './run-cli';

const CONTACT = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata: { name: sre }', 'target: { region: cn-beijing }', 'spec:', '  Name: sre', '  Webhook:', '    Address: https://hooks.example.com/alert');

const COMMANDS = ['validate', 'preview', 'send', 'push', 'clear', 'apply', 'replay', 'schema', 'init'];

test('COMMAND --help and -h: that command usage on stdout, exit 0', () => {
  const root = makeRepo({});
  for (const command of COMMANDS) {
    for (const flag of ['--help', '-h']) {
      const r = runCli([command, flag], root);
      assert.equal(r.status, 0, `${command} ${flag}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      assert.ok(r.stdout.startsWith(`Usage: alertcfg ${command} `), `${command} ${flag}:\n${r.stdout}`);
      // Its own usage, not the list of every command.
      for (const other of COMMANDS.filter((c) => c !== command)) assert.ok(!r.stdout.includes(`alertcfg ${other} `), `${command} --help mentions ${other}`);
    }
  }
  // After other arguments too, and `alertcfg help COMMAND`.
  const late = runCli(['preview', 'x.yaml', '--doc', '0', '--help'], root);
  assert.equal(late.status, 0);
  assert.match(late.stdout, /^Usage: alertcfg preview FILE/);
  assert.match(late.stdout, /--curl/);
  const help = runCli(['help', 'validate'], root);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: alertcfg validate .*\n[^]*--max-warnings N/);
});

test('alertcfg --help lists every command and says how to get one command usage', () => {
  const r = runCli(['--help'], makeRepo({}));
  assert.equal(r.status, 0);
  for (const command of COMMANDS) assert.match(r.stdout, new RegExp(`alertcfg ${command}|\\| ${command} FILE`));
  assert.match(r.stdout, /alertcfg COMMAND --help/);
});

test('a --help after -- is a file name, not a request for help', () => {
  const r = runCli(['preview', '--', '--help'], makeRepo({}));
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'alertcfg: cannot read --help: no such file.\n');
});

test('--doc takes a resource index: -1, 1.5 and "first" are refused with one sentence', () => {
  const root = makeRepo({ 'c.yaml': CONTACT });
  for (const args of [['--doc', '-1'], ['--doc=-1'], ['-d', '-1'], ['--doc', '1.5'], ['--doc', 'first'], ['--doc', '']]) {
    const r = runCli(['preview', 'c.yaml', ...args], root);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr.split('\n')[0]!, /^alertcfg: --doc takes a resource index \(0, 1, …\)[.,]/, `${args.join(' ')}: ${r.stderr}`);
    assertNoStack(r.stderr);
  }
  assert.equal(runCli(['preview', 'c.yaml', '--doc', '0'], root).status, 0);
  const far = runCli(['preview', 'c.yaml', '--doc', '3'], root);
  assert.equal(far.status, 2);
  assert.match(far.stderr, /Document 3 is not an alert-config resource; resources are at 0/);
});

test('a missing file and a folder: the same sentence in every subcommand that reads one', () => {
  const root = makeRepo({ 'c.yaml': CONTACT });
  mkdirSync(join(root, 'contacts'));
  for (const command of ['preview', 'send', 'push', 'clear', 'apply', 'plan', 'replay']) {
    const missing = runCli([command, 'x.yaml'], root);
    assert.equal(missing.status, 2);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'alertcfg: cannot read x.yaml: no such file.\n', command);
    // apply and plan take paths (folders are walked); the others one file.
    if (command === 'apply' || command === 'plan') continue;
    const folder = runCli([command, 'contacts'], root);
    assert.equal(folder.status, 2);
    assert.equal(folder.stderr, `alertcfg: contacts is a folder; ${command} takes one file.\n`, command);
  }
  const validate = runCli(['validate', 'x.yaml'], root);
  assert.equal(validate.status, 2);
  assert.equal(validate.stderr, 'alertcfg: cannot read x.yaml: no such file.\n');
});

test('--config and --secrets-file that cannot be read: named as given, no error codes', () => {
  const root = makeRepo({ 'c.yaml': CONTACT });
  mkdirSync(join(root, 'conf'));
  const cases: [string[], string][] = [
    [['validate', '--config', 'nope.yaml'], 'alertcfg: cannot read nope.yaml: no such file.\n'],
    [['validate', '--config', 'conf'], 'alertcfg: conf is a folder; --config takes one file.\n'],
    [['preview', 'c.yaml', '--config', 'nope.yaml'], 'alertcfg: cannot read nope.yaml: no such file.\n'],
    [['preview', 'c.yaml', '--secrets-file', 'nope.env'], 'alertcfg: cannot read nope.env: no such file.\n'],
    [['send', 'c.yaml', '--secrets-file', 'conf'], 'alertcfg: conf is a folder; --secrets-file takes one file.\n'],
  ];
  for (const [args, expected] of cases) {
    const r = runCli(args, root);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr, expected, args.join(' '));
    assert.doesNotMatch(r.stderr, /\bE[A-Z]{3,}\b/);
  }
});
