/**
 * Picks the resource an action works on out of a validated file, and what the
 * builders need of it: kind, body, envelope parts. An action refuses a document
 * with errors, so nothing invalid is ever sent.
 */
import type { FileResult } from '../validate';
import type { Kind } from '../model/kinds';
import { nodeAt, isString } from '../parse/tree';
import { toValue } from '../parse/value';
import type { ActionInput } from './build/context';

export interface ActionTarget {
  documentIndex: number;
  kind: Kind;
  body: unknown;
  envelope: ActionInput['envelope'];
  name: string;
}

export type Selection = { ok: true; target: ActionTarget } | { ok: false; message: string };

/** The resources of a file that actions can work on, by document index. */
export function actionableResources(file: FileResult): ActionTarget[] {
  const out: ActionTarget[] = [];
  file.results.forEach((r, i) => {
    const doc = file.documents[i]!;
    if (!r.resource?.kind || !doc.root) return;
    const root = doc.root;
    const body = nodeAt(root, r.resource.bodyPath);
    const name = nodeAt(root, ['metadata', 'name']);
    const action = nodeAt(root, ['action']);
    const target = nodeAt(root, ['target']);
    const envelope: ActionInput['envelope'] = {};
    if (r.resource.form === 'envelope') {
      if (isString(name)) envelope.name = name.value;
      if (target?.type === 'map') envelope.target = toValue(target) as Record<string, unknown>;
      if (isString(action)) envelope.action = action.value;
    }
    out.push({ documentIndex: doc.index, kind: r.resource.kind, body: toValue(body), envelope, name: envelope.name ?? `${r.resource.kind} #${doc.index + 1}` });
  });
  return out;
}

/** One resource: the one with the given index, or the only one. Refuses documents with errors. */
export function selectResource(file: FileResult, documentIndex: number | undefined): Selection {
  const all = actionableResources(file);
  if (!all.length) return { ok: false, message: 'This file holds no alert-config resource.' };
  let target: ActionTarget | undefined;
  if (documentIndex === undefined) {
    if (all.length > 1) return { ok: false, message: `This file holds ${all.length} resources; choose one with --doc N (${all.map((t) => `${t.documentIndex}: ${t.kind} ${t.name}`).join('; ')}).` };
    target = all[0];
  } else {
    target = all.find((t) => t.documentIndex === documentIndex);
    if (!target) return { ok: false, message: `Document ${documentIndex} is not an alert-config resource; resources are at ${all.map((t) => t.documentIndex).join(', ')}.` };
  }
  const own = file.findings.filter((f) => f.severity === 'error' && inDocument(file, target!.documentIndex, f.start));
  if (own.length) return { ok: false, message: `${target!.kind} ${target!.name} has ${own.length} error${own.length === 1 ? '' : 's'} (${own.slice(0, 3).map((f) => f.code).join(', ')}${own.length > 3 ? ', ...' : ''}); fix them first (alertcfg validate).` };
  return { ok: true, target: target! };
}

function inDocument(file: FileResult, index: number, offset: number): boolean {
  const doc = file.documents[index]!;
  if (doc.root && file.documents.length > 1 && file.documents.every((d) => d.base === doc.base)) {
    // JSON arrays: documents share the text; the element's range decides.
    return offset >= doc.root.start && offset <= doc.root.end;
  }
  // A finding at the very end of the file (an unclosed quote or bracket) belongs to the last document.
  const end = doc.base + doc.text.length;
  return offset >= doc.base && (offset < end || (offset === end && index === file.documents.length - 1));
}
