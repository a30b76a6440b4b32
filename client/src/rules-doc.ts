/**
 * Which file of the extension a diagnostic's rule link opens: docs/rules.md, or its
 * translation into the display language when the extension ships one
 * (docs/rules.zh-cn.md, then docs/rules.zh.md for `zh-cn`). No `vscode` here, so
 * that the package tests can resolve links as the extension does.
 */
import { join } from 'node:path';

/** The rules page for a display language: a path inside `extensionDir`. */
export function rulesDocFile(extensionDir: string, language: string, exists: (path: string) => boolean): string {
  const lang = language.toLowerCase();
  for (const tag of [lang, lang.split('-')[0]!]) {
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(tag) || tag === 'en') continue;
    const p = join(extensionDir, 'docs', `rules.${tag}.md`);
    if (exists(p)) return p;
  }
  return join(extensionDir, 'docs', 'rules.md');
}

/** The anchor a `command:alertcfg.showRule?["<anchor>"]` link carries, when it is one docs/rules.md can have. */
export function ruleAnchor(arg: unknown): string | undefined {
  return typeof arg === 'string' && /^[a-z0-9-]{1,100}$/.test(arg) ? arg : undefined;
}
