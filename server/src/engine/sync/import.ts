/**
 * Import: live resources as new envelope files, one per resource, every secret a
 * `${secret:<resource>-<field>}` reference (a URL keeps its shape around its
 * token: `…access_token=${secret:sre-dingtalk-token}`), so that the files validate
 * clean and a following plan reports only `noop` (and the secrets not set yet).
 * The adapters write the files, never over an existing one.
 */
import { stringify } from 'yaml';
import { secretEnvName } from '../actions/references';
import { API_VERSION } from '../model/kinds';
import { matchesGlob } from './plan';
import { specOf } from './read';
import type { LiveResource } from './types';

export interface ImportOptions {
  /** Only the resources whose vendor name matches this glob. */
  nameGlob?: string;
  /** The envelope's `target`, as the user gave it (region, projectId, endpoint). */
  target: Record<string, string>;
  /** Where they come from, for the file's first comment: `Volcengine VMP cn-beijing (open.volcengineapi.com)`. */
  source: string;
}

export interface ImportedSecret {
  /** `${secret:sre-oncall-dingtalk-secret}` */
  reference: string;
  /** `sre-oncall-dingtalk-secret` */
  name: string;
  /** Where the CLI reads it: `ALERTCFG_SECRET_SRE_ONCALL_DINGTALK_SECRET`. */
  variable: string;
  /** The field it stands for: `DingTalkBotWebhook.SecretKey`. */
  path: string;
}

export interface ImportedFile {
  /** A file name for it (no folder): `sre-oncall.yaml`; unique among the files of one import. */
  fileName: string;
  kind: string;
  name: string;
  text: string;
  secrets: ImportedSecret[];
  notes: string[];
}

/** A file name from a vendor name: letters, digits, `.`, `_` and `-`. */
export function fileNameFor(name: string, fallback: string): string {
  const clean = name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '');
  return clean || fallback;
}

/** The files an import writes for the live resources of one kind and scope. */
export function importedFiles(kind: string, live: readonly LiveResource[], options: ImportOptions): ImportedFile[] {
  const spec = specOf(kind);
  if (!spec) return [];
  const used = new Set<string>();
  const out: ImportedFile[] = [];
  const picked = live.filter((l) => options.nameGlob === undefined || matchesGlob(l.name, [options.nameGlob])).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const l of picked) {
    const { body, secrets, notes } = spec.toBody(l);
    const base = fileNameFor(l.name, kind.toLowerCase());
    let fileName = `${base}.yaml`;
    for (let n = 2; used.has(fileName.toLowerCase()); n++) fileName = `${base}-${n}.yaml`;
    used.add(fileName.toLowerCase());
    const listed: ImportedSecret[] = secrets.map((s) => {
      const name = s.reference.slice('${secret:'.length, -1);
      return { reference: s.reference, name, variable: secretEnvName(name), path: s.path };
    });
    const doc = { apiVersion: API_VERSION, kind, metadata: { name: l.name }, target: { ...options.target }, spec: body };
    const head = [`# Imported from ${options.source} by alertcfg import.`];
    if (listed.length) {
      head.push('# Store these secrets before applying (the CLI reads each from its variable, or from --secrets-file):');
      for (const s of listed) head.push(`#   ${s.name} (${s.path}): ${s.variable}`);
    }
    for (const n of notes) head.push(`# ${n}`);
    out.push({ fileName, kind, name: l.name, text: `${head.join('\n')}\n${stringify(doc, { lineWidth: 0 })}`, secrets: listed, notes });
  }
  return out;
}
