/**
 * Replaces a value with the one the finding suggests: an enum value close to the
 * typo, the 3-day timeout, a WeCom URL around a bare key, https for http, and an
 * `@mobile` added to a DingTalk text that should mention it.
 */
import type { Finding } from '../model/finding';
import { isString, nodeAt } from '../parse/tree';
import { CHANNELS } from '../webhooks/channels';
import { dataPath, documentOf, scalarEdit } from './edit';
import { type Fix, type FixContext, say } from './types';

function replaceWith(finding: Finding, ctx: FixContext, value: unknown, title: string): Fix[] {
  const path = dataPath(finding);
  const at = documentOf(ctx, finding);
  if (!path || !at || value === undefined) return [];
  const edit = scalarEdit(ctx, at, path, value);
  return edit ? [{ title, edits: [edit], preferred: true }] : [];
}

export function useSuggestedValue(finding: Finding, ctx: FixContext): Fix[] {
  if (!finding.data || !('suggestion' in finding.data)) return [];
  const v = finding.data['suggestion'];
  const shown = typeof v === 'string' ? `"${v}"` : String(v);
  return replaceWith(finding, ctx, v, say(ctx, `Change to ${shown}`, `改为 ${shown}`));
}

/** The whole WeCom webhook URL around the bare key the text holds (the finding's data names only the field). */
export function useReplacement(finding: Finding, ctx: FixContext): Fix[] {
  const path = dataPath(finding);
  const at = documentOf(ctx, finding);
  if (!path || !at) return [];
  const node = nodeAt(at.root, path);
  if (!isString(node) || !/^[A-Za-z0-9-]{8,}$/.test(node.value.trim())) return [];
  const url = `https://${CHANNELS.wecom.hosts[0]}${CHANNELS.wecom.path}?key=${node.value.trim()}`;
  return replaceWith(finding, ctx, url, say(ctx, 'Write the whole WeCom webhook URL', '改为完整的企业微信 Webhook 地址'));
}

export function useHttps(finding: Finding, ctx: FixContext): Fix[] {
  const path = dataPath(finding);
  const at = documentOf(ctx, finding);
  if (!path || !at) return [];
  const node = nodeAt(at.root, path);
  if (!isString(node) || !/^\s*http:\/\//i.test(node.value)) return [];
  return replaceWith(finding, ctx, node.value.replace(/^(\s*)http:/i, '$1https:'), say(ctx, 'Use https://', '改用 https://'));
}

export function addMention(finding: Finding, ctx: FixContext): Fix[] {
  const mobile = finding.data?.['mobile'];
  const textPath = finding.data?.['textPath'];
  const at = documentOf(ctx, finding);
  if (typeof mobile !== 'string' || !Array.isArray(textPath) || !at) return [];
  const path = textPath as (string | number)[];
  const node = nodeAt(at.root, path);
  if (!isString(node)) return [];
  const sep = node.value === '' || /\s$/.test(node.value) ? '' : ' ';
  const edit = scalarEdit(ctx, at, path, `${node.value}${sep}@${mobile}`);
  return edit ? [{ title: say(ctx, `Add "@${mobile}" to the message text`, `在消息文本中加入 "@${mobile}"`), edits: [edit], preferred: true }] : [];
}
