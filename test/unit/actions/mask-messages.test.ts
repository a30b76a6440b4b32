/**
 * Every message template of the engine goes through the masker and keeps its
 * text. The templates are read from the engine's own sources with the
 * TypeScript parser: every string and template literal of a message-making
 * module (rules and their catalog, schema wording, parsing, action builders,
 * advice and reports). Each template is filled twice:
 * - every `${…}` with a plain word: masking must change nothing at all;
 * - one `${…}` at a time with a bot URL carrying a token (the placeholder
 *   address a message quotes): the token, and only the token, is masked; the
 *   text after it (`); put the real webhook address there.`) survives.
 * A slot followed directly by a letter, digit, `=` or `.word` (`${field}.Address`,
 * `?${param}=`), or by another slot, is an identifier's place, not a URL's, and
 * gets only the first filling.
 * The masked forms below are written out by hand (maskValue: 3 first, `****`, 2 last).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { Masker } from '../../../server/src/engine/actions/mask';
import { repoRoot } from '../../helpers/repo';

const ENGINE = join(repoRoot(), 'server', 'src', 'engine');
/** Not message templates: the bad/good example documents (they hold tokens on purpose) and the masker's own patterns. */
const NOT_MESSAGES = new Set(['rules/catalog-examples.ts', 'actions/mask.ts']);

const URLS: [string, string][] = [
  ['https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef', 'https://oapi.dingtalk.com/robot/send?access_token=012****ef'],
  ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693****aa'],
  ['https://open.feishu.cn/open-apis/bot/v2/hook/8d3f0c2a-1b4e-4c5d-9e6f-7a8b9c0d1e2f', 'https://open.feishu.cn/open-apis/bot/v2/hook/8d3****2f'],
];

interface Template {
  where: string;
  /** Literal pieces; a slot sits between each two. */
  pieces: string[];
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && !NOT_MESSAGES.has(relative(ENGINE, p).replace(/\\/g, '/'))) out.push(p);
  }
  return out;
}

function templates(file: string): Template[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Template[] = [];
  const where = (n: ts.Node) => `${relative(ENGINE, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      if (!ts.isImportDeclaration(n.parent) && !ts.isExportDeclaration(n.parent)) out.push({ where: where(n), pieces: [n.text] });
    } else if (ts.isTemplateExpression(n)) {
      out.push({ where: where(n), pieces: [n.head.text, ...n.templateSpans.map((s) => s.literal.text)] });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  // Sentences only: words with spaces between them (keys, codes and patterns are not messages).
  return out.filter((t) => /[A-Za-z]{2,} [A-Za-z(]/.test(t.pieces.join(' ')));
}

function fill(pieces: string[], slot: (i: number) => string): string {
  return pieces.map((p, i) => (i === 0 ? p : slot(i - 1) + p)).join('');
}

const all = sources(ENGINE).flatMap(templates);

describe('every message template keeps its text through the masker', () => {
  test('the engine has message templates to check (the scan works)', () => {
    assert.ok(all.length > 300, `only ${all.length} templates found`);
    assert.ok(all.some((t) => t.pieces.join('').includes('is a documentation placeholder (')), 'the placeholder message is among them');
  });

  test('filled with plain words: nothing is masked, nothing is lost', () => {
    const m = new Masker(['s3cr3t-value-0001']);
    const changed = all.map((t) => ({ t, text: fill(t.pieces, () => 'sre-oncall') })).filter(({ text }) => m.mask(text) !== text);
    assert.deepEqual(changed.map(({ t, text }) => `${t.where}: ${text} → ${m.mask(text)}`), []);
  });

  test('a bot URL with a token in any URL place: the token is masked, the text around it survives', () => {
    const m = new Masker();
    const wrong: string[] = [];
    for (const t of all) {
      for (let slot = 0; slot < t.pieces.length - 1; slot++) {
        const next = t.pieces[slot + 1]!;
        // An identifier's place (`${field}.Address`, `?${param}=`), or right before another slot (nothing tells two values apart there).
        if (/^(?:[\w=]|\.[A-Za-z])/.test(next) || (/^\.?$/.test(next) && slot + 2 < t.pieces.length)) continue;
        for (const [url, masked] of URLS) {
          const text = fill(t.pieces, (i) => (i === slot ? url : 'sre-oncall'));
          const expected = fill(t.pieces, (i) => (i === slot ? masked : 'sre-oncall'));
          const got = m.mask(text);
          if (got !== expected) wrong.push(`${t.where}:\n  expected ${expected}\n  got      ${got}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
});
