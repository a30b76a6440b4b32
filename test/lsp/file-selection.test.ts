/**
 * The CLI and the language server check the same files: one tree with include and
 * exclude globs, a `!` include glob, `.gitignore` rules, `.git`, `node_modules`,
 * dot folders and nested folders; `alertcfg validate --format json` lists the
 * files it checked (each holds a resource with an error) and the server's
 * workspace index answers `workspace/diagnostic` with the files it indexed.
 */
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../cli/run-cli';
import { type LspClient, lines, sleep, startServer } from './harness';

/** A Contact without its required Name: one error wherever it is checked. */
const contact = (email: string) => lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', `  Email: ${email}@example.com`);
const contactJson = (email: string) => `${JSON.stringify({ apiVersion: 'alertcfg/v1', kind: 'Contact', spec: { Email: `${email}@example.com` } })}\n`;

const TREE: Record<string, string> = {
  '.alertcfg.yaml': lines('include: ["**/*.yaml", "**/*.yml", "**/*.json", "!**/*.skip.yaml"]', 'exclude: ["drafts/**", "archive/*", "**/*.wip.yaml"]'),
  '.gitignore': lines('# build output', 'ignored/', '*.local.yaml', '!keep.local.yaml'),
  '.git/hooks/a.yaml': contact('git'),
  'node_modules/pkg/a.yaml': contact('modules'),
  'team/node_modules/b.yaml': contact('nested-modules'),
  'contacts/a.yaml': contact('a'),
  'contacts/b.yml': contact('b'),
  'contacts/c.json': contactJson('c'),
  'contacts/old.skip.yaml': contact('negated-include'),
  'contacts/x.wip.yaml': contact('excluded-by-name'),
  'deep/1/2/3/d.yaml': contact('d'),
  '.hidden/e.yaml': contact('e'),
  'drafts/f.yaml': contact('excluded-folder'),
  'drafts/sub/g.yaml': contact('excluded-below'),
  'archive/h.yaml': contact('excluded-files-of-folder'),
  'archive/2024/i.yaml': contact('i'),
  'ignored/j.yaml': contact('gitignored'),
  'team/ignored/k.yaml': contact('gitignored-deeper'),
  'team/l.local.yaml': contact('gitignored-by-name'),
  'team/keep.local.yaml': contact('keep'),
  'notes.txt': contact('not-included'),
};

const EXPECTED = ['.hidden/e.yaml', 'archive/2024/i.yaml', 'contacts/a.yaml', 'contacts/b.yml', 'contacts/c.json', 'deep/1/2/3/d.yaml', 'team/keep.local.yaml'];

describe('the CLI and the language server pick the same files', () => {
  let c: LspClient;
  before(async () => {
    // Pulled diagnostics, so that `workspace/diagnostic` reports the indexed files.
    c = await startServer({ files: TREE, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
  });
  after(() => c.shutdown());

  test('validate checks exactly the expected files', () => {
    const r = runCli(['validate', '--format', 'json'], c.root);
    const report = JSON.parse(r.stdout) as { checked: number; files: { file: string }[] };
    assert.deepEqual(report.files.map((f) => f.file).sort(), EXPECTED);
    // The expected files and .alertcfg.yaml, which is checked as settings.
    assert.equal(report.checked, EXPECTED.length + 1);
  });

  test('the workspace index holds the same files as the CLI checks', async () => {
    const indexed = await indexedFiles(c);
    const cli = (JSON.parse(runCli(['validate', '--format', 'json'], c.root).stdout) as { files: { file: string }[] }).files.map((f) => f.file).sort();
    assert.deepEqual(indexed, cli);
    assert.deepEqual(indexed, EXPECTED);
  });

  test('a file changed on disk is indexed again only where the walk would pick it', async () => {
    c.writeFile('ignored/j.yaml', contact('still-gitignored'));
    c.writeFile('archive/2024/i.yaml', contact('i-changed'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('ignored/j.yaml'), type: 2 }, { uri: c.uri('archive/2024/i.yaml'), type: 2 }] });
    await sleep(300);
    assert.deepEqual(await indexedFiles(c), EXPECTED);
  });
});

/** The files of the server's workspace index: those `workspace/diagnostic` reports, once the index is built. */
async function indexedFiles(c: LspClient): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const report = await c.request<{ items: { uri: string }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const files = report.items.map((i) => relative(c.root, fileURLToPath(i.uri)).split('\\').join('/')).sort();
    if (files.length || Date.now() > deadline) return files;
    await sleep(100);
  }
}
