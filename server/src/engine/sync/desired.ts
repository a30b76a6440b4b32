/**
 * The desired resources of a validated file: every resource of a kind that sync
 * manages (`KindActions.sync`), with its vendor name, body, envelope and the line
 * it starts on. A file with errors gives none: validation errors stop a plan
 * before any request (the adapters check the findings first).
 */
import { actionableResources } from '../actions/resource';
import { kindActions } from '../kinds/actions/index';
import { kindModule } from '../kinds/index';
import { LineIndex } from '../text/line-index';
import type { FileResult } from '../validate';
import type { DesiredResource } from './types';

/**
 * `file` names the file in reports (a path relative to the working directory, or
 * a URI); `text` is its text, for line numbers.
 */
export function desiredResources(file: string, text: string, result: FileResult): DesiredResource[] {
  const out: DesiredResource[] = [];
  let lines: LineIndex | undefined;
  for (const t of actionableResources(result)) {
    const m = kindModule(t.kind);
    if (!kindActions(t.kind)?.sync || !m?.nameField) continue;
    const body = (t.body && typeof t.body === 'object' && !Array.isArray(t.body) ? t.body : {}) as Record<string, unknown>;
    const name = body[m.nameField];
    if (typeof name !== 'string' || !name.trim()) continue;
    const doc = result.documents[t.documentIndex]!;
    const offset = doc.base + (doc.root?.start ?? 0);
    lines ??= new LineIndex(text);
    out.push({ kind: t.kind, name, body, envelope: { ...(t.envelope.name !== undefined ? { name: t.envelope.name } : {}), ...(t.envelope.target ? { target: t.envelope.target } : {}) }, file, line: lines.positionAt(offset).line + 1, documentIndex: t.documentIndex });
  }
  return out;
}
