/**
 * Which file of the extension a diagnostic's rule link opens: docs/rules.md, or its
 * translation into the display language when the extension ships one
 * (docs/rules.zh-cn.md, then docs/rules.zh.md for `zh-cn`). No `vscode` here, so
 * that the package tests can resolve links as the extension does, and no Node
 * module, so that VS Code for the Web can too.
 */

/** The rules pages to look for, best first, relative to the extension's folder with `/`: translations, then docs/rules.md. */
export function rulesDocCandidates(language: string): string[] {
  const lang = language.toLowerCase();
  const out: string[] = [];
  for (const tag of [lang, lang.split('-')[0]!]) {
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(tag) || tag === 'en') continue;
    const p = `docs/rules.${tag}.md`;
    if (!out.includes(p)) out.push(p);
  }
  out.push('docs/rules.md');
  return out;
}

/** The rules page for a display language: a path inside `extensionDir` (a file system path). */
export function rulesDocFile(extensionDir: string, language: string, exists: (path: string) => boolean): string {
  const sep = /^[a-zA-Z]:\\|^\\\\/.test(extensionDir) ? '\\' : '/';
  const join = (rel: string) => extensionDir.replace(/[\\/]+$/, '') + sep + rel.split('/').join(sep);
  const candidates = rulesDocCandidates(language);
  return join(candidates.find((rel, i) => i === candidates.length - 1 || exists(join(rel)))!);
}

/** The anchor a `command:alertcfg.showRule?["<anchor>"]` link carries, when it is one docs/rules.md can have. */
export function ruleAnchor(arg: unknown): string | undefined {
  return typeof arg === 'string' && /^[a-z0-9-]{1,100}$/.test(arg) ? arg : undefined;
}
