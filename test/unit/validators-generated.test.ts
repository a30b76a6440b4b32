/**
 * The schemas' validators are compiled at build time (scripts/gen-validators.mjs,
 * standalone Ajv code, $refs as separate functions). They must report exactly what
 * Ajv compiling the same schemas at run time with the same options reports (the
 * error objects the findings are made from), on valid documents and on damaged
 * ones.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ANNOTATION_KEYWORDS, ENVELOPE_SCHEMA, envelopeCore, kindValidators } from '../../server/src/engine/schema/registry';
import { kindModules, kindNames } from '../../server/src/engine/kinds/index';
import { exampleBody, templateFor } from '../../server/src/engine/index';
import { parseYaml } from '../../server/src/engine/parse/yaml';
import { toValue } from '../../server/src/engine/parse/value';
import { configFileSchema } from '../../server/src/engine/config/settings';
import { config as generatedConfig } from '../../server/src/engine/config/config-validator.generated';
import { rng } from '../helpers/random';

test('generated validators report what run-time compiled Ajv reports', () => {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateSchema: false });
  addFormats(ajv, ['email', 'uuid', 'uri', 'date-time']);
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  // The envelope's core: the published envelope without its per-kind dispatch and kind list.
  const { allOf: _a, definitions: _d, examples: _e, ...core } = ENVELOPE_SCHEMA as Record<string, Record<string, unknown>>;
  const { enum: _k, enumDescriptions: _en, 'x-enum-descriptions-zh-cn': _zh, ...kind } = core['properties']!['kind'] as Record<string, unknown>;
  const pairs = [{ name: 'envelope core', generated: envelopeCore, compiled: ajv.compile({ ...core, $id: String(core['$id']).replace('alertcfg.schema.json', 'alertcfg-core.schema.json'), properties: { ...core['properties'], kind } }) }];
  for (const m of kindModules()) {
    ajv.addSchema(m.schema);
    pairs.push({ name: m.kind, generated: kindValidators(m.kind)!.body, compiled: ajv.getSchema(m.schema['$id'] as string)! });
    pairs.push({ name: `${m.kind} target`, generated: kindValidators(m.kind)!.target, compiled: ajv.compile({ ...m.target, $id: String(m.schema['$id']).replace(/\.schema\.json$/, '.target.json') }) });
  }
  const values: unknown[] = [];
  for (const k of kindNames()) {
    values.push(exampleBody(k));
    for (const d of parseYaml(templateFor(k))) {
      if (!d.root) continue;
      const doc = toValue(d.root) as Record<string, unknown>;
      values.push(doc, doc['target']);
    }
  }
  const r = rng(11);
  const junk = [null, 1, -1, 'x', '', true, [], {}, [1, 'a'], { a: 1 }, 'a@b', 'not an email', 1.5, 'e28ae750-bbb8-4ff4-abf4-1e0e0f88808c'];
  const mutate = (v: unknown, depth = 0): unknown => {
    if (!v || typeof v !== 'object' || depth > 5) return v;
    const c: Record<string, unknown> = Array.isArray(v) ? ([...v] as unknown as Record<string, unknown>) : { ...(v as Record<string, unknown>) };
    const keys = Object.keys(c);
    if (keys.length && r() < 0.7) {
      const k = keys[Math.floor(r() * keys.length)]!;
      c[k] = r() < 0.5 ? mutate(c[k], depth + 1) : junk[Math.floor(r() * junk.length)];
    }
    if (r() < 0.2 && !Array.isArray(c)) c[`extra${Math.floor(r() * 3)}`] = 1;
    if (r() < 0.2 && keys.length) delete c[keys[Math.floor(r() * keys.length)]!];
    return c;
  };
  const strip = (errors: readonly object[] | null | undefined) => (errors ?? []).map((e) => ({ ...e, schemaPath: undefined }));
  let compared = 0;
  for (const base of values) {
    for (let i = 0; i < 40; i++) {
      const v = i === 0 ? base : mutate(base);
      for (const p of pairs) {
        assert.equal(p.generated(v), p.compiled(v), p.name);
        assert.deepStrictEqual(strip(p.generated.errors), strip(p.compiled.errors), `${p.name}: ${JSON.stringify(v)}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 1000);
});

test('the generated .alertcfg.yaml validator reports what run-time compiled Ajv reports for configFileSchema()', () => {
  const runtime = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(configFileSchema());
  const values: unknown[] = [
    {},
    { include: ['**/*.yaml'], exclude: ['drafts/**'], rules: { 'secret-in-plaintext': 'error', MissingParameter: 'off' } },
    { include: 'x', rules: { a: 'loud' }, timeoutMs: -1, maxFileSize: 'big', allowedHosts: [1], defaults: { region: 1, other: 2 } },
    { schemas: { 'a/*.json': 'Contact', 'b/*.json': 'Nope' }, messageTemplate: 3, unknownKey: true, inclde: [] },
    [],
    'x',
  ];
  const strip = (errors: readonly object[] | null | undefined) => (errors ?? []).map((e) => ({ ...e, schemaPath: undefined }));
  for (const v of values) {
    assert.equal(generatedConfig(v), runtime(v));
    assert.deepStrictEqual(strip(generatedConfig.errors), strip(runtime.errors), JSON.stringify(v));
  }
});
