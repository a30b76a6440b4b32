/**
 * A plan's presentations: the JSON exactly as documented, the Markdown pull-request
 * comment (summary, table, details, escaping), GitHub annotations on each
 * resource's line, the text; and in none of them, nor in apply's report, a
 * secret: the repository's (resolved), the cloud's, or a URL token.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planSync } from '../../../server/src/engine/sync/plan';
import { applySync } from '../../../server/src/engine/sync/apply';
import { planJson, planObject } from '../../../server/src/engine/sync/present/json';
import { PLAN_MARKER, planMarkdown } from '../../../server/src/engine/sync/present/markdown';
import { planAnnotations } from '../../../server/src/engine/sync/present/github';
import { planText } from '../../../server/src/engine/sync/present/text';
import { applyText } from '../../../server/src/engine/sync/present/apply-text';
import { startVolcengine } from '../../standins/volcengine';
import { CREDENTIALS, VOLC_AK, VOLC_SK, contactYaml, context, desired, keep, runtime } from './helpers';

const REPO_SECRET = 'SECrepoDingTalkSecret0001';
const LIVE_SECRET = 'SEClivePlainSecret000002';
const LIVE_TOKEN = 'liveWebhookToken0000003';
const URL_TOKEN = 'urlAccessToken000000004';
const SECRETS = [REPO_SECRET, LIVE_SECRET, LIVE_TOKEN, URL_TOKEN, VOLC_SK];

function assertClean(where: string, text: string): void {
  for (const s of SECRETS) for (const form of [s, encodeURIComponent(s)]) assert.ok(!text.includes(form), `${where} shows ${form}:\n${text}`);
}

async function fixture() {
  const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
  vc.addContact({ Name: 'ops', Email: 'ops@example.com', DingTalkBotWebhook: { Address: `https://oapi.dingtalk.com/robot/send?access_token=${URL_TOKEN}`, SecretKey: LIVE_SECRET } });
  vc.addContact({ Name: 'hooked', Webhook: { Address: 'https://hooks.example.com/<b>|x', Token: LIVE_TOKEN } });
  vc.addContact({ Name: 'legacy' });
  const files = {
    'contacts/ops.yaml': contactYaml('ops', vc.url, ['Email: ops@example.com', 'DingTalkBotWebhook:', `  Address: https://oapi.dingtalk.com/robot/send?access_token=\${secret:ops-token}`, '  SecretKey: ${secret:ops-dt}']),
    'contacts/hooked.yaml': contactYaml('hooked', vc.url, ['Webhook:', '  Address: https://hooks.example.com/ok']),
    'contacts/new.yaml': contactYaml('new', vc.url, ['Email: new@example.com']),
    'contacts/lost.yaml': 'apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: lost\nspec:\n  Name: lost\n',
  };
  const env = { ...CREDENTIALS, ALERTCFG_SECRET_OPS_DT: REPO_SECRET, ALERTCFG_SECRET_OPS_TOKEN: URL_TOKEN };
  const ctx = context(env);
  const plan = await planSync(desired(files), ctx, runtime());
  return { vc, plan, ctx };
}

describe('presentations', () => {
  test('JSON: exactly {changes:[{kind,name,action,file,line,fields:[{path,live,desired}]}], summary}', async () => {
    const { plan } = await fixture();
    const o = JSON.parse(planJson(plan)) as ReturnType<typeof planObject> & { changes: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(o), ['changes', 'summary']);
    assert.deepEqual(o.summary, { create: 1, update: 2, delete: 0, noop: 0, unmanaged: 1 });
    for (const c of o.changes) {
      assert.deepEqual(Object.keys(c), ['kind', 'name', 'action', 'file', 'line', 'fields']);
      for (const f of c['fields'] as Record<string, unknown>[]) assert.deepEqual(Object.keys(f), ['path', 'live', 'desired']);
    }
    assert.deepEqual(o.changes.map((c) => [c['name'], c['action'], c['file'], c['line']]), [
      ['ops', 'update', 'contacts/ops.yaml', 1],
      ['hooked', 'update', 'contacts/hooked.yaml', 1],
      ['new', 'create', 'contacts/new.yaml', 1],
      ['legacy', 'unmanaged', null, null],
    ]);
    assert.deepEqual(o.changes[0]!['fields'], [{ path: 'DingTalkBotWebhook.SecretKey', live: 'SEC****02', desired: 'SEC****01' }]);
    assert.deepEqual(o.changes[1]!['fields'], [
      { path: 'Webhook.Address', live: 'https://hooks.example.com/<b>|x', desired: 'https://hooks.example.com/ok' },
      { path: 'Webhook.Token', live: 'liv****03', desired: null },
    ]);
    assert.deepEqual(plan.problems, ['contacts/lost.yaml:1: Contact "lost": No region: set target.region, or defaults.region in the configuration.']);
  });

  test('Markdown: marker, summary, one row per change, details with live and desired, escaped values, problems', async () => {
    const { plan } = await fixture();
    const md = planMarkdown(plan);
    assert.ok(md.startsWith(`${PLAN_MARKER}\n### alertcfg plan\n\n**1 to create, 2 to update, 0 to delete** · 0 unchanged · 1 unmanaged\n`), md);
    assert.match(md, /^\| ✏️ update \| Contact \| <code>ops<\/code> \| <code>contacts\/ops\.yaml:1<\/code> \| <code>DingTalkBotWebhook\.SecretKey<\/code> \|$/m);
    assert.match(md, /^\| ➕ create \| Contact \| <code>new<\/code> \| <code>contacts\/new\.yaml:1<\/code> \|  \|$/m);
    assert.match(md, /^\| <code>Webhook\.Address<\/code> \| <code>"https:\/\/hooks\.example\.com\/&lt;b&gt;&#124;x"<\/code> \| <code>"https:\/\/hooks\.example\.com\/ok"<\/code> \|$/m);
    assert.match(md, /<details><summary>❔ 1 unmanaged \(in the cloud, not in the repository\)<\/summary>/);
    assert.match(md, /^> - contacts\/lost\.yaml:1: Contact "lost": No region/m);
    // No value broke a table: every row has as many cells as its table's header.
    let cells = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) cells = 0;
      else if (!cells) cells = line.split('|').length;
      else assert.equal(line.split('|').length, cells, line);
    }
    assertClean('markdown', md);
  });

  test('GitHub: a notice on each changed resource\'s line, an error per problem, the summary; no notice for noop', async () => {
    const { plan } = await fixture();
    const lines = planAnnotations(plan).trimEnd().split('\n');
    assert.deepEqual(lines.map((l) => l.slice(0, l.indexOf('::', 2))), [
      '::notice file=contacts/ops.yaml,line=1,title=alertcfg plan%3A update Contact ops',
      '::notice file=contacts/hooked.yaml,line=1,title=alertcfg plan%3A update Contact hooked',
      '::notice file=contacts/new.yaml,line=1,title=alertcfg plan%3A create Contact new',
      '::notice title=alertcfg plan%3A unmanaged Contact legacy',
      '::error title=alertcfg plan',
      '::notice title=alertcfg plan',
    ]);
    assert.match(lines[1]!, /::Webhook\.Address: "https:\/\/hooks\.example\.com\/<b>\|x" → "https:\/\/hooks\.example\.com\/ok"%0AWebhook\.Token: "liv\*\*\*\*03" → \(absent\)$/);
    assertClean('github', lines.join('\n'));
  });

  test('text, and apply\'s report: masked', async () => {
    const { plan, ctx } = await fixture();
    const text = planText(plan);
    assert.match(text, /^ {2}~ update {4}ops {2}\(contacts\/ops\.yaml:1\)\n {6}DingTalkBotWebhook\.SecretKey: "SEC\*\*\*\*02" → "SEC\*\*\*\*01"$/m);
    assert.match(text, /^Plan: 1 to create, 2 to update, 0 to delete, 0 unchanged, 1 unmanaged\.$/m);
    assertClean('text', text);
    const report = await applySync(plan, ctx, runtime());
    const out = applyText(report, plan);
    assert.match(out, /^done {6}update Contact "ops" \(contacts\/ops\.yaml:1\)$/m);
    assert.match(out, /^Applied: 3 done, 0 failed \(3 write requests\)\.$/m);
    assertClean('apply text', out);
    assertClean('apply outcomes', JSON.stringify(report));
    assertClean('plan JSON.stringify', JSON.stringify(plan));
  });
});
