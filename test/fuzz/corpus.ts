/**
 * The seeds of the fuzzer: every example and fixture file of the repository, every
 * bad and good example of the rule catalog, the new-file template of each kind, the
 * configuration file of the examples, and a JSON form of each template (one object,
 * and an array of all of them). Mutations start from these, so most cases are near
 * misses of real alert configuration rather than noise the engine rejects at once.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CATALOG, kindNames, templateFor } from '../../server/src/engine/index';
import { repoRoot } from '../helpers/repo';

export interface Seed {
  name: string;
  text: string;
  format: 'yaml' | 'json';
}

export const REPO = repoRoot();

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}

let cached: Seed[] | undefined;

export function seeds(): Seed[] {
  if (cached) return cached;
  const out: Seed[] = [];
  for (const dir of ['examples', 'test/fixtures']) {
    for (const p of filesUnder(join(REPO, dir))) {
      out.push({ name: relative(REPO, p), text: readFileSync(p, 'utf8'), format: p.endsWith('.json') ? 'json' : 'yaml' });
    }
  }
  for (const d of CATALOG) {
    if (d.bad) out.push({ name: `catalog ${d.code} bad`, text: d.bad, format: 'yaml' });
    if (d.good) out.push({ name: `catalog ${d.code} good`, text: d.good, format: 'yaml' });
  }
  const objects: unknown[] = [];
  for (const kind of kindNames()) {
    const text = templateFor(kind, `fuzz-${kind.toLowerCase()}`);
    out.push({ name: `template ${kind}`, text, format: 'yaml' });
    const value = parseYaml(text) as unknown;
    objects.push(value);
    out.push({ name: `template ${kind} (JSON)`, text: `${JSON.stringify(value, null, 2)}\n`, format: 'json' });
  }
  out.push({ name: 'templates (JSON array)', text: `${JSON.stringify(objects, null, 2)}\n`, format: 'json' });
  out.push({ name: 'templates (YAML stream)', text: kindNames().map((k) => templateFor(k)).join('---\n'), format: 'yaml' });
  if (out.length < 20) throw new Error(`only ${out.length} seeds found under ${REPO}`);
  cached = out;
  return out;
}
