/**
 * docs/rules.md is generated from the catalog and must stay equal to it. Run with
 * UPDATE_RULES_DOC=1 (`npm run docs:rules`) to write the file instead.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CATALOG, codeAnchor } from '../../server/src/engine/index';
import { renderRulesDoc } from '../tools/rules-doc';
import { repoRoot } from '../helpers/repo';


const DOC = join(repoRoot(), 'docs', 'rules.md');

test('docs/rules.md is what the catalog renders (UPDATE_RULES_DOC=1 rewrites it)', () => {
  const rendered = renderRulesDoc();
  if (process.env['UPDATE_RULES_DOC'] === '1') {
    writeFileSync(DOC, rendered);
    return;
  }
  assert.ok(existsSync(DOC), 'docs/rules.md is missing: run npm run docs:rules');
  assert.equal(readFileSync(DOC, 'utf8'), rendered, 'docs/rules.md is out of date: run npm run docs:rules');
});

test('every code has exactly one explicit anchor in the rendered doc, and the anchors are distinct', () => {
  const doc = renderRulesDoc();
  const anchors = CATALOG.map((d) => codeAnchor(d.code));
  assert.equal(new Set(anchors).size, anchors.length);
  for (const a of anchors) assert.equal(doc.split(`<a id="${a}"></a>`).length - 1, 1, a);
});

test('anchors are the ones diagnostics link to', () => {
  assert.equal(codeAnchor('MissingParameter.Name'), 'missingparameter');
  assert.equal(codeAnchor('InvalidParameter.DingTalkBotWebhook.Address'), 'invalidparameter');
  assert.equal(codeAnchor('Conflict.Name'), 'conflictname');
  assert.equal(codeAnchor('secret-in-plaintext'), 'secret-in-plaintext');
  const doc = renderRulesDoc();
  assert.ok(doc.includes('<a id="missingparameter"></a>'));
  assert.ok(doc.includes('[`secret-in-plaintext`](#secret-in-plaintext)'));
});

test('the intro explains the rules setting and the suppression comment', () => {
  const doc = renderRulesDoc();
  assert.ok(doc.includes('# alertcfg-disable-next-line secret-in-plaintext'));
  assert.ok(doc.includes('`.alertcfg.yaml`'));
  assert.ok(doc.includes('rules:\n  secret-in-plaintext: error'));
});
