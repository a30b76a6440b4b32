/**
 * Workspace-wide rules over the resource summaries of many files: two Contacts
 * with the same `Name` (Volcengine answers 409 `Conflict.Name`), two resources of
 * one kind with the same `metadata.name`.
 */
import type { ResourceSummary } from './analyse';
import type { Finding, Range } from './model/finding';
import { defaultSeverity } from './rules/catalog';

export interface FileSummaries {
  file: string;
  /** Offsets of each document in the file, by document index. */
  bases: readonly number[];
  summaries: readonly ResourceSummary[];
}

interface Occurrence extends Range {
  file: string;
}

export function workspaceFindings(files: Iterable<FileSummaries>): Map<string, Finding[]> {
  const contactNames = new Map<string, Occurrence[]>();
  const metaNames = new Map<string, Occurrence[]>();
  for (const f of files) {
    for (const s of f.summaries) {
      const base = f.bases[s.documentIndex] ?? 0;
      if (s.kind === 'Contact' && s.vendorName) add(contactNames, s.vendorName.value, { file: f.file, start: base + s.vendorName.start, end: base + s.vendorName.end });
      if (s.kind && s.name) add(metaNames, `${s.kind}\u0000${s.name.value}`, { file: f.file, start: base + s.name.start, end: base + s.name.end });
    }
  }
  const out = new Map<string, Finding[]>();
  report(out, contactNames, 'Conflict.Name', (name, n) => `Another Contact in the workspace also has Name "${name}" (${n} in all); Volcengine refuses the second one with 409 Conflict.Name. Give each contact its own Name.`);
  report(out, metaNames, 'duplicate-name', (key, n) => {
    const [kind, name] = key.split('\u0000');
    return `metadata.name "${name}" is used by ${n} ${kind} resources; it must be unique per kind. Rename one.`;
  });
  return out;
}

function add(map: Map<string, Occurrence[]>, key: string, o: Occurrence): void {
  const list = map.get(key);
  if (list) list.push(o);
  else map.set(key, [o]);
}

function report(out: Map<string, Finding[]>, groups: Map<string, Occurrence[]>, code: string, message: (key: string, n: number) => string): void {
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    for (const o of list) {
      const related = list.filter((x) => x !== o).map((x) => ({ file: x.file, start: x.start, end: x.end, message: 'also declared here' }));
      const f: Finding = { code, severity: defaultSeverity(code), message: message(key, list.length), start: o.start, end: o.end, related };
      const existing = out.get(o.file);
      if (existing) existing.push(f);
      else out.set(o.file, [f]);
    }
  }
}
