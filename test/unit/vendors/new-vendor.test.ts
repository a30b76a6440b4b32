/**
 * A new vendor is a vendor module and one registration; a kind that talks to it
 * names it in its verbs (what the kind does: registerKindActions). Registered here at run time (a pager API that answers
 * HTTP 200 with its own error code, and takes a token from PAGERCO_TOKEN): the
 * plan asks its credentials by the registry's names, a preview masks them, a
 * missing token stops sending and names the variable, delivery to a loopback
 * server reads the answer the vendor's way with its advice, and a 503 is not sent
 * again when the vendor says so. No product file knows of it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Ajv from 'ajv';
import { executePlan } from '../../../server/src/delivery/execute';
import { isRetryableStatus } from '../../../server/src/delivery/index';
import { type KindModule, type VendorModule, actionableResources, credentialSpec, planAction, previewPlan, registerKind, registerVendor, validateText } from '../../../server/src/engine/index';
import type { PlanBuilder } from '../../../server/src/engine/actions/build/context';
import { ANNOTATION_KEYWORDS } from '../../../server/src/engine/schema/registry';
import { registerKindActions } from '../../../server/src/engine/kinds/actions/index';
import { takeCredentials } from '../../../server/src/engine/vendors/credentials';
import { credentialSource, secretSource } from '../../../server/src/env/sources';
import { lines } from '../../helpers/findings';
import { repoRoot } from '../../helpers/repo';

const TOKEN = 'pgr-token-0123456789abcdef';

const pagerco: VendorModule = {
  id: 'pagerco',
  label: 'PagerCo',
  answers: {
    pagerco: {
      verdict(a, json) {
        const o = (json ?? {}) as Record<string, unknown>;
        if (a.status === 200 && o['status'] === 'ok') return { ok: true };
        return { ok: false, ...(typeof o['code'] === 'string' ? { code: o['code'], message: String(o['detail'] ?? '') } : {}) };
      },
      noRetry503: true,
      advice: (code) => (code === 'E42' ? 'PagerCo knows no such service: create it in the PagerCo console first.' : undefined),
    },
  },
  credentials: { provider: 'pagerco', forms: [{ label: { en: 'PagerCo token', zh: 'PagerCo 令牌' }, fields: [{ key: 'token', label: { en: 'API token', zh: 'API 令牌' }, variable: 'PAGERCO_TOKEN', secret: true }] }] },
};

/** The kind's verb: one call to the pager API, with the vendor's token. */
function push(b: PlanBuilder): void {
  const creds = takeCredentials(b, pagerco);
  const token = typeof creds === 'string' ? creds : creds['token'];
  const endpoint = b.target('endpoint') ?? 'https://pager.example.com';
  b.add({ vendor: 'pagerco', label: 'PagerCo push', request: { method: 'POST', url: `${endpoint}/v1/services`, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(b.resolvedBody()) }, idempotent: true, carriesSecret: true });
}

const schema = JSON.parse(readFileSync(join(repoRoot(), 'test', 'fixtures', 'kinds', 'pager-service.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
ajv.addVocabulary([...ANNOTATION_KEYWORDS]);

const kind: KindModule = {
  kind: 'PagerRoute',
  title: 'Pager route',
  vendor: 'PagerCo services API',
  summary: { en: 'A pager route.', zh: '一条寻呼路由。' },
  schemaFile: 'test-pager-route.schema.json',
  schema,
  target: schema['x-target'] as Record<string, unknown>,
  rules: [],
  template: { target: { endpoint: 'https://pager.example.com' } },
  actions: () => ['push'],
  validators: { body: ajv.compile(schema), target: ajv.compile(schema['x-target'] as Record<string, unknown>) },
};

let server: http.Server;
let base = '';
const received: { auth?: string; body: string }[] = [];
const unregister: (() => void)[] = [];

before(async () => {
  unregister.push(registerVendor(pagerco), registerKind(kind), registerKindActions({ kind: kind.kind, verbs: { push } }));
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), body });
      const known = (JSON.parse(body) as { service_name?: string }).service_name === 'checkout';
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(known ? { status: 'ok' } : { status: 'error', code: 'E42', detail: 'no such service' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const u of unregister.reverse()) u();
  await new Promise<void>((r) => server.close(() => r()));
});

function planFor(service: string, env: NodeJS.ProcessEnv) {
  const file = validateText(lines('apiVersion: alertcfg/v1', 'kind: PagerRoute', 'metadata:', '  name: checkout', 'target:', `  endpoint: ${base}`, 'spec:', `  service_name: ${service}`, '  escalation: low'));
  const [t] = actionableResources(file);
  return planAction({ action: 'push', kind: t!.kind, body: t!.body, envelope: t!.envelope, now: new Date(), settings: { defaults: {}, messageTemplate: '', timeoutMs: 5000 }, secrets: secretSource(env), credentials: credentialSource(env) });
}

test('the registry names its credentials: the CLI reads them from the variable the vendor module gives', () => {
  assert.equal(credentialSpec('pagerco')?.forms[0]?.fields[0]?.variable, 'PAGERCO_TOKEN');
  const plan = planFor('checkout', { PAGERCO_TOKEN: TOKEN });
  assert.deepEqual(plan.problems, []);
  const preview = previewPlan(plan);
  assert.equal(preview.requests[0]!.headers['Authorization']!.includes(TOKEN), false, 'masked in the preview');
  assert.equal(plan.origins.get(TOKEN), 'PAGERCO_TOKEN');
});

test('without the token nothing is sent, and the problem names the variable', () => {
  const plan = planFor('checkout', {});
  assert.deepEqual(plan.problems, ["No PagerCo credentials: set PAGERCO_TOKEN in the CLI's environment, or run Alert Config: Set Credentials in VS Code."]);
  assert.match(previewPlan(plan).requests[0]!.headers['Authorization']!, /<unset: PAGERCO_TOKEN>/);
});

test('its answers are read its way: HTTP 200 with an error code fails, with the vendor\'s advice', async () => {
  const ok = await executePlan(planFor('checkout', { PAGERCO_TOKEN: TOKEN }), { timeoutMs: 5000 });
  assert.equal(ok[0]!.success, true);
  const refused = await executePlan(planFor('payments', { PAGERCO_TOKEN: TOKEN }), { timeoutMs: 5000 });
  assert.equal(refused[0]!.success, false);
  assert.deepEqual(refused[0]!.error, { code: 'E42', description: 'no such service', details: 'PagerCo knows no such service: create it in the PagerCo console first.' });
  assert.equal(received.at(-1)!.auth, `Bearer ${TOKEN}`);
});

test('delivery asks the vendor whether a 503 may be sent again', () => {
  assert.equal(isRetryableStatus(503, 'pagerco'), false);
  assert.equal(isRetryableStatus(503, 'webhook'), true);
  assert.equal(isRetryableStatus(503, 'huawei-cts'), false);
});

test('registering twice, or answers another vendor reads, is refused', () => {
  assert.throws(() => registerVendor(pagerco), /registered already/);
  assert.throws(() => registerVendor({ ...pagerco, id: 'other' }), /read by another vendor/);
});
