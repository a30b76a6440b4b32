/**
 * Moves a plaintext secret out of the file: into the client's secret storage with
 * a `${secret:NAME}` reference (the adapter runs that through the client), or,
 * where there is no secret storage, into an `${env:NAME}` reference.
 */
import type { Finding } from '../model/finding';
import { isString, locate } from '../parse/tree';
import { tokenInUrl } from '../rules/values';
import { dataPath, documentOf, scalarEdit } from './edit';
import { type Fix, type FixContext, type OffsetEdit, type SecretMove, say } from './types';

export function envNameFor(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'SECRET';
}

/** The literal a `secret-in-plaintext` finding is about, and how to replace it. */
export function secretMoveFor(finding: Finding, ctx: FixContext): SecretMove | undefined {
  if (finding.code !== 'secret-in-plaintext') return undefined;
  const path = dataPath(finding);
  const at = documentOf(ctx, finding);
  const name = finding.data?.['suggestedName'];
  const part = finding.data?.['part'];
  if (!path || !at || typeof name !== 'string' || typeof part !== 'string') return undefined;
  const { node, via } = locate(at.root, path);
  if (via || !isString(node) || node.alias) return undefined;
  const start = finding.start;
  const end = finding.end;
  const nodeStart = at.base + node.start;
  const nodeEnd = at.base + node.end;
  let value: string;
  let edit: (reference: string) => OffsetEdit | undefined;
  if (part === 'value') {
    value = node.value;
    edit = (ref) => scalarEdit(ctx, at, path, ref);
  } else {
    const param = part.startsWith('query:') ? part.slice(6) : undefined;
    if (part !== 'path-token' && !param) return undefined;
    const t = tokenInUrl(node.value, param);
    if (!t) return undefined;
    value = t.token;
    const exact = ctx.text.slice(start, end) === t.token && start >= nodeStart && end <= nodeEnd;
    edit = exact
      ? (ref) => ({ start, end, newText: ref })
      : (ref) => scalarEdit(ctx, at, path, node.value.slice(0, t.start) + ref + node.value.slice(t.end));
  }
  return { name, envName: envNameFor(name), value, start, end, edit };
}

export function moveSecret(finding: Finding, ctx: FixContext): Fix[] {
  const move = secretMoveFor(finding, ctx);
  if (!move) return [];
  const out: Fix[] = [
    { title: say(ctx, `Move the secret into secret storage as \${secret:${move.name}}`, `将密钥移入密钥存储，改为 \${secret:${move.name}}`), edits: [], preferred: true, moveSecret: move },
  ];
  const envEdit = move.edit(`\${env:${move.envName}}`);
  if (envEdit) out.push({ title: say(ctx, `Replace with the environment variable \${env:${move.envName}}`, `改为引用环境变量 \${env:${move.envName}}`), edits: [envEdit], preferred: true, withoutSecretStorage: true });
  return out;
}
