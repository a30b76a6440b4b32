/**
 * Why a file is not alert configuration, in words a user can act on. The common
 * surprise is a raw vendor body (a doc example pasted into `contact.json`) that
 * nothing associates with a kind: it is recognised by the top-level keys of one
 * of a kind's body (each kind module says which), and the reason says how to
 * associate it. Cheap: a text with
 * none of the keys' names is not parsed at all, and the documents validation
 * already parsed are reused.
 */
import { type KindModule, kindModules, kindNames } from '../kinds/index';
import { API_VERSION, type Kind } from '../model/kinds';
import type { ParsedDocument, SourceFormat } from '../parse/document';
import { parseSource } from '../parse/source';
import { type Node, entryOf, isString } from '../parse/tree';

export interface NotOurs {
  reason: 'vendor-body' | 'other-tool' | 'no-marker' | 'empty';
  /** The kind a vendor body looks like. */
  kind?: Kind;
  /** One sentence (lower case first, as it follows "not alert config: "). */
  message: string;
}

/** A text without any of the kinds' telltale words cannot hold a vendor body. */
function mightBeBody(text: string): boolean {
  return kindModules().some((m) => m.rawBody?.words.some((w) => text.includes(w)));
}

/** Larger texts are not parsed just to explain why they are not ours. */
const MAX_PARSED = 1024 * 1024;

/**
 * Why `text` is not ours. `documents` are the ones validation parsed, if it did
 * (it skips texts that cannot be ours); otherwise the text is parsed here when it
 * might hold a vendor body.
 */
export function whyNotOurs(text: string, format: SourceFormat | undefined, documents?: readonly ParsedDocument[]): NotOurs {
  let docs = documents?.length ? documents : undefined;
  if (!docs && mightBeBody(text) && text.length <= MAX_PARSED) docs = parseSource(text, format);
  if (!docs && !text.replace(/#[^\n]*/g, '').trim()) return EMPTY;
  const roots = (docs ?? []).map((d) => d.root).filter((r): r is Node => r !== undefined);
  if (docs && roots.length === 0) return EMPTY;
  for (const root of roots) {
    if (root.type !== 'map') continue;
    const api = entryOf(root, 'apiVersion')?.value;
    if (isString(api)) return { reason: 'other-tool', message: `another tool's resource (apiVersion: ${api.value}), not an alertcfg one.` };
    for (const m of kindModules()) {
      const keys = m.rawBody?.keys(root);
      if (keys) return { reason: 'vendor-body', kind: m.kind, message: vendorBody(m, keys, format ?? 'yaml') };
    }
  }
  return { reason: 'no-marker', message: `no "apiVersion: ${API_VERSION}" and no known kind (${kindNames().join(', ')}).` };
}

const EMPTY: NotOurs = { reason: 'empty', message: 'it holds no content.' };

function vendorBody(m: KindModule, keys: string[], format: SourceFormat): string {
  const folder = m.rawBody?.folder ?? 'bodies';
  const glob = `"${folder}/*.${format === 'json' ? 'json' : 'yaml'}": ${m.kind}`;
  // JSON has no comments, so no modeline.
  const modeline = format === 'yaml' ? `, a "# alertcfg: kind=${m.kind}" modeline` : '';
  return `it looks like a raw ${m.vendor} body (${keys.join(', ')}), but nothing associates it with a kind: add "$schema": "${m.schemaFile}" (or its $id)${modeline}, or a schemas: glob in .alertcfg.yaml (for example ${glob}).`;
}
