/**
 * Why a file is not alert configuration, in words a user can act on. The common
 * surprise is a raw vendor body (a doc example pasted into `contact.json`) that
 * nothing associates with a kind: it is recognised by the top-level keys of one
 * of the five bodies, and the reason says how to associate it. Cheap: a text with
 * none of the keys' names is not parsed at all, and the documents validation
 * already parsed are reused.
 */
import { API_VERSION, KINDS, KIND_INFO, type Kind } from '../model/kinds';
import type { ParsedDocument, SourceFormat } from '../parse/document';
import { parseSource } from '../parse/source';
import { type MapNode, type Node, entryOf, isString } from '../parse/tree';

export interface NotOurs {
  reason: 'vendor-body' | 'other-tool' | 'no-marker' | 'empty';
  /** The kind a vendor body looks like. */
  kind?: Kind;
  /** One sentence (lower case first, as it follows "not alert config: "). */
  message: string;
}

const CONTACT_KEYS = ['Email', 'DingTalkBotWebhook', 'LarkBotWebhook', 'WeComBotWebhook', 'Webhook', 'ContactGroupIds'];

/** The keys that give a body away, checked on each document's top-level mapping. */
const SIGNATURES: { kind: Kind; keys(root: MapNode): string[] | undefined }[] = [
  {
    kind: 'Contact',
    keys: (r) => {
      const other = CONTACT_KEYS.find((k) => has(r, k));
      return has(r, 'Name') && other ? ['Name', other] : undefined;
    },
  },
  { kind: 'AlarmCallback', keys: (r) => (has(r, 'sessionId') && has(r, 'alarmPolicyInfo') ? ['sessionId', 'alarmPolicyInfo'] : undefined) },
  { kind: 'KeyOperationNotification', keys: (r) => (has(r, 'notification_name') && has(r, 'operation_type') ? ['notification_name', 'operation_type'] : undefined) },
  { kind: 'EventReport', keys: (r) => (eventsLike(entryOf(r, 'events')?.value) ? ['events'] : undefined) },
  { kind: 'DingTalkTestConnection', keys: (r) => (hasPath(r, 'params', 'testMsg') ? ['params.testMsg'] : undefined) },
];

/** A text without any of these words cannot hold a vendor body. */
const MIGHT_BE_BODY = /Name|sessionId|notification_name|events|testMsg/;
/** Larger texts are not parsed just to explain why they are not ours. */
const MAX_PARSED = 1024 * 1024;

/**
 * Why `text` is not ours. `documents` are the ones validation parsed, if it did
 * (it skips texts that cannot be ours); otherwise the text is parsed here when it
 * might hold a vendor body.
 */
export function whyNotOurs(text: string, format: SourceFormat | undefined, documents?: readonly ParsedDocument[]): NotOurs {
  let docs = documents?.length ? documents : undefined;
  if (!docs && MIGHT_BE_BODY.test(text) && text.length <= MAX_PARSED) docs = parseSource(text, format);
  if (!docs && !text.replace(/#[^\n]*/g, '').trim()) return EMPTY;
  const roots = (docs ?? []).map((d) => d.root).filter((r): r is Node => r !== undefined);
  if (docs && roots.length === 0) return EMPTY;
  for (const root of roots) {
    if (root.type !== 'map') continue;
    const api = entryOf(root, 'apiVersion')?.value;
    if (isString(api)) return { reason: 'other-tool', message: `another tool's resource (apiVersion: ${api.value}), not an alertcfg one.` };
    for (const sig of SIGNATURES) {
      const keys = sig.keys(root);
      if (keys) return { reason: 'vendor-body', kind: sig.kind, message: vendorBody(sig.kind, keys, format ?? 'yaml') };
    }
  }
  return { reason: 'no-marker', message: `no "apiVersion: ${API_VERSION}" and no known kind (${KINDS.join(', ')}).` };
}

const EMPTY: NotOurs = { reason: 'empty', message: 'it holds no content.' };

function vendorBody(kind: Kind, keys: string[], format: SourceFormat): string {
  const info = KIND_INFO[kind];
  const glob = `"${format === 'json' ? `${folderFor(kind)}/*.json` : `${folderFor(kind)}/*.yaml`}": ${kind}`;
  // JSON has no comments, so no modeline.
  const modeline = format === 'yaml' ? `, a "# alertcfg: kind=${kind}" modeline` : '';
  return `it looks like a raw ${info.vendor} body (${keys.join(', ')}), but nothing associates it with a kind: add "$schema": "${info.schemaFile}" (or its $id)${modeline}, or a schemas: glob in .alertcfg.yaml (for example ${glob}).`;
}

function folderFor(kind: Kind): string {
  return { Contact: 'contacts', AlarmCallback: 'callbacks', DingTalkTestConnection: 'dingtalk', KeyOperationNotification: 'notifications', EventReport: 'events' }[kind];
}

function has(root: MapNode, key: string): boolean {
  return entryOf(root, key) !== undefined;
}

function hasPath(root: MapNode, key: string, inner: string): boolean {
  const v = entryOf(root, key)?.value;
  return v?.type === 'map' && has(v, inner);
}

/** AOM's `events`: a list whose items carry `metadata` or `starts_at`. */
function eventsLike(v: Node | undefined): boolean {
  return v?.type === 'seq' && v.items.some((i) => i.type === 'map' && (has(i, 'metadata') || has(i, 'starts_at')));
}
