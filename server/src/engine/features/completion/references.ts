/**
 * Completion of secret and environment references: the scheme after `${`, and the
 * names after `${secret:` (the client's stored secrets and those the file uses)
 * or `${env:` (those the file uses).
 */
import { lineStartAt } from '../../text/line-breaks';
import { labels } from '../common';
import type { CompletionEntry, CompletionOptions } from './types';

const REF_NAME = /\$\{(secret|env):([A-Za-z0-9_.-]*)$/;
const REF_START = /\$\{([a-z]*)$/;

export function referenceCompletions(text: string, off: number, options: CompletionOptions): CompletionEntry[] | undefined {
  const prefix = text.slice(lineStartAt(text, off), off);
  const after = /^[A-Za-z0-9_.-]*/.exec(text.slice(off, off + 200))![0];
  const closed = text.charAt(off + after.length) === '}';
  const m = REF_NAME.exec(prefix);
  if (m) {
    const scheme = m[1] as 'secret' | 'env';
    const start = off - m[2]!.length;
    const used = referencedNames(text, scheme);
    const stored = scheme === 'secret' ? new Set(options.secretNames ?? []) : new Set<string>();
    const names = [...new Set([...stored, ...used])].sort();
    const L = labels(options.locale);
    return names.map((name, i) => ({
      label: name,
      kind: 'reference',
      detail: scheme === 'secret' ? (stored.has(name) ? (options.locale === 'zh-cn' ? '密钥（已设置）' : 'secret (set)') : options.locale === 'zh-cn' ? '密钥（本文件引用，未设置）' : 'secret (referenced here, not set)') : options.locale === 'zh-cn' ? '环境变量' : 'environment variable',
      documentation: scheme === 'secret' ? `\`\${secret:${name}}\` ${stored.has(name) ? L.secretSet : options.secretNames ? L.secretUnset : L.secretUnknown}` : `\`\${env:${name}}\` ${L.env} \`${name}\` ${L.envWhen}`,
      insertText: closed ? name : `${name}}`,
      snippet: false,
      start,
      end: off + after.length,
      sortText: `${stored.has(name) ? '0' : '1'}${String(i).padStart(4, '0')}`,
    }));
  }
  const s = REF_START.exec(prefix);
  if (s && /\$\{[a-z]*$/.test(prefix)) {
    const start = off - s[1]!.length;
    return (['secret', 'env'] as const).map((scheme, i) => ({
      label: `${scheme}:`,
      kind: 'reference' as const,
      detail: scheme === 'secret' ? '${secret:NAME}' : '${env:NAME}',
      documentation: scheme === 'secret'
        ? options.locale === 'zh-cn' ? '引用密钥存储中的密钥（命令行中为 ALERTCFG_SECRET_<NAME>）。' : 'A secret from secret storage (ALERTCFG_SECRET_<NAME> in the CLI).'
        : options.locale === 'zh-cn' ? '引用环境变量。' : 'An environment variable.',
      insertText: closed ? `${scheme}:` : `${scheme}:$1}`,
      snippet: !closed,
      start,
      end: off + after.length,
      sortText: String(i),
    }));
  }
  return undefined;
}

function referencedNames(text: string, scheme: 'secret' | 'env'): string[] {
  const out = new Set<string>();
  const re = scheme === 'secret' ? /\$\{secret:([A-Za-z0-9_.-]+)\}/g : /\$\{env:([A-Za-z0-9_.-]+)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]!);
  return [...out];
}
