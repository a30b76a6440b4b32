/**
 * Workspace-wide rules over the resource summaries of many files: two resources
 * of a kind with the same vendor name, where the vendor refuses the second (Contact
 * `Name`: Volcengine answers 409 `Conflict.Name`), and two resources of one kind
 * with the same `metadata.name`.
 */
import type { ResourceSummary } from './analyse';
import type { Finding, Range } from './model/finding';
import { kindModule } from './kinds/index';
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
  // The vendor's unique names, per kind that has a conflict finding for them (Contact: Conflict.Name).
  const vendorNames = new Map<string, Occurrence[]>();
  const metaNames = new Map<string, Occurrence[]>();
  for (const f of files) {
    for (const s of f.summaries) {
      const base = f.bases[s.documentIndex] ?? 0;
      if (s.vendorName && kindModule(s.kind)?.nameConflict) add(vendorNames, `${s.kind}\u0000${s.vendorName.value}`, { file: f.file, start: base + s.vendorName.start, end: base + s.vendorName.end });
      if (s.kind && s.name) add(metaNames, `${s.kind}\u0000${s.name.value}`, { file: f.file, start: base + s.name.start, end: base + s.name.end });
    }
  }
  const out = new Map<string, Finding[]>();
  // Most names are used once: only shared ones are split and worded.
  for (const [key, list] of vendorNames) {
    if (list.length < 2) continue;
    const [kind, name] = key.split('\u0000') as [string, string];
    const conflict = kindModule(kind)!.nameConflict!;
    report(out, list, conflict.code, conflict.message(name, list.length));
  }
  for (const [key, list] of metaNames) {
    if (list.length < 2) continue;
    const [kind, name] = key.split('\u0000');
    report(out, list, 'duplicate-name', `metadata.name "${name}" is used by ${list.length} ${kind} resources; it must be unique per kind. Rename one.`);
  }
  return out;
}

function add(map: Map<string, Occurrence[]>, key: string, o: Occurrence): void {
  const list = map.get(key);
  if (list) list.push(o);
  else map.set(key, [o]);
}

function report(out: Map<string, Finding[]>, list: Occurrence[], code: string, message: string): void {
  if (list.length < 2) return;
  for (const o of list) {
    const related = list.filter((x) => x !== o).map((x) => ({ file: x.file, start: x.start, end: x.end, message: 'also declared here' }));
    const f: Finding = { code, severity: defaultSeverity(code), message, start: o.start, end: o.end, related };
    const existing = out.get(o.file);
    if (existing) existing.push(f);
    else out.set(o.file, [f]);
  }
}
