// Runs the TextMate grammar tests in this folder (*.yaml.test, *.json.test) with
// vscode-tmgrammar-test, against our injection grammar (syntaxes/alertcfg-references.tmLanguage.json)
// on top of VS Code's own YAML and JSON grammars, taken from the code-server install the e2e
// harness caches (they are not copied into the repository).
//
// Needs: bash scripts/e2e/install-code-server.sh. Without it the tests skip with that reason,
// or fail when ALERTCFG_E2E_REQUIRE=1 (as in CI).
//
// Fixture format (see node_modules/vscode-tmgrammar-test/README.md): the first line is
// `<comment> SYNTAX TEST "<scope>" "<description>"`; a line `<comment>   ^^^ scope1 scope2 - scope3`
// asserts the scopes of the columns under the carets on the nearest source line above it
// (`<comment> <~~--- ...` for columns left of the comment token) and is not tokenized itself.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerDir } from '../e2e/harness';
import { repoRoot } from '../helpers/repo';

const INSTALL_HINT = 'bash scripts/e2e/install-code-server.sh';
const INJECTION_SCOPE = 'alertcfg.references.injection';
const GRAMMAR_FILE = 'syntaxes/alertcfg-references.tmLanguage.json';
/** The entry package.json should contribute; used when package.json does not have one yet. */
const DEFAULT_CONTRIBUTION = { scopeName: INJECTION_SCOPE, path: `./${GRAMMAR_FILE}`, injectTo: ['source.yaml', 'source.json'] };

interface GrammarContribution {
  scopeName?: string;
  path?: string;
  injectTo?: string[];
}

const root = repoRoot();
const fixtureDir = path.join(root, 'test', 'grammar');
const fixtures = fs
  .readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.yaml.test') || f.endsWith('.json.test'))
  .sort();

const extensions = path.join(codeServerDir(), 'lib', 'vscode', 'extensions');
/** VS Code's base grammars: source.yaml (which includes source.yaml.1.x and .embedded), source.json, source.json.comments. */
const baseGrammars = [
  'yaml/syntaxes/yaml.tmLanguage.json',
  'yaml/syntaxes/yaml-1.0.tmLanguage.json',
  'yaml/syntaxes/yaml-1.1.tmLanguage.json',
  'yaml/syntaxes/yaml-1.2.tmLanguage.json',
  'yaml/syntaxes/yaml-1.3.tmLanguage.json',
  'yaml/syntaxes/yaml-embedded.tmLanguage.json',
  'json/syntaxes/JSON.tmLanguage.json',
  'json/syntaxes/JSONC.tmLanguage.json',
].map((g) => path.join(extensions, g));
const missingBase = baseGrammars.filter((g) => !fs.existsSync(g));
const skipReason =
  missingBase.length > 0
    ? `VS Code's YAML/JSON grammars are not in the e2e cache (missing ${missingBase[0]}); run: ${INSTALL_HINT}`
    : undefined;

/** Skips (or, with ALERTCFG_E2E_REQUIRE=1, fails) when the base grammars are not installed. */
function skipUnlessInstalled(t: { skip(message?: string): void }): boolean {
  if (!skipReason) return false;
  if (process.env.ALERTCFG_E2E_REQUIRE === '1') throw new Error(`${skipReason} (ALERTCFG_E2E_REQUIRE=1)`);
  t.skip(skipReason);
  return true;
}

function packageContribution(): GrammarContribution | undefined {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const grammars: GrammarContribution[] = pkg?.contributes?.grammars ?? [];
  return grammars.find((g) => g.scopeName === INJECTION_SCOPE);
}

/** The tool's entry point, from the bin field of its package.json. */
function toolBin(): string {
  const req = createRequire(path.join(root, 'package.json'));
  const pkgFile = req.resolve('vscode-tmgrammar-test/package.json');
  const bin = JSON.parse(fs.readFileSync(pkgFile, 'utf8')).bin['vscode-tmgrammar-test'] as string;
  return path.join(path.dirname(pkgFile), bin);
}

/**
 * Runs vscode-tmgrammar-test on one fixture. The injection only applies through an `injectTo`,
 * which the tool reads from a package.json-shaped --config (a plain -g has none), so the
 * contribution (package.json's own once it has one) is written to a temporary config, with its
 * path relative to that file as the tool expects; the base grammars and ours go in with -g.
 */
function runTool(fixture: string): { status: number | null; output: string } {
  const contribution = packageContribution() ?? DEFAULT_CONTRIBUTION;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alertcfg-grammar-'));
  try {
    const grammarPath = path.resolve(root, contribution.path ?? GRAMMAR_FILE);
    const config = path.join(tmp, 'package.json');
    fs.writeFileSync(
      config,
      JSON.stringify({ contributes: { grammars: [{ ...contribution, path: path.relative(tmp, grammarPath) }] } }),
    );
    const args = [toolBin(), '--config', config, ...baseGrammars.flatMap((g) => ['-g', g]), path.join('test', 'grammar', fixture)];
    const r = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      timeout: 60_000,
    });
    const output = `$ node ${args.map((a) => (a.startsWith(root + path.sep) ? path.relative(root, a) : a)).join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error}` : ''}`;
    return { status: r.status, output };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

test('grammar fixtures exist', () => {
  assert.ok(fixtures.some((f) => f.endsWith('.yaml.test')), `no *.yaml.test in ${fixtureDir}`);
  assert.ok(fixtures.some((f) => f.endsWith('.json.test')), `no *.json.test in ${fixtureDir}`);
});

for (const fixture of fixtures) {
  test(`grammar: ${fixture}`, (t) => {
    if (skipUnlessInstalled(t)) return;
    const { status, output } = runTool(fixture);
    assert.equal(status, 0, `vscode-tmgrammar-test failed on test/grammar/${fixture}:\n${output}`);
    assert.match(output, /run successfuly/, `vscode-tmgrammar-test did not report a run:\n${output}`);
    assert.doesNotMatch(output, /grammar not found/, `a grammar the fixture needs is missing:\n${output}`);
  });
}

test('package.json contributes the injection grammar', (t) => {
  const c = packageContribution();
  if (!c) {
    t.skip(`package.json has no contributes.grammars entry for ${INJECTION_SCOPE} yet; add ${JSON.stringify(DEFAULT_CONTRIBUTION)}`);
    return;
  }
  assert.ok(c.path && fs.existsSync(path.resolve(root, c.path)), `contributes.grammars path ${c.path} does not exist`);
  for (const scope of ['source.yaml', 'source.json']) {
    assert.ok(c.injectTo?.includes(scope), `injectTo ${JSON.stringify(c.injectTo)} lacks ${scope}`);
  }
  const grammar = JSON.parse(fs.readFileSync(path.resolve(root, c.path), 'utf8'));
  assert.equal(grammar.scopeName, INJECTION_SCOPE);
});
