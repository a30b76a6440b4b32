/**
 * Which files are checked: one answer for the CLI's walk, the language server's
 * workspace index and the documents open in an editor. Pure: it takes paths
 * relative to the project root, with `/`, the settings' include and exclude globs
 * and the text of the root's `.gitignore`, and says whether a path is checked and,
 * when it is not, why.
 *
 * - `.git` and `node_modules` folders are always skipped, at any depth.
 * - `exclude` globs skip what they match.
 * - `include` globs name the files to check; a `!` glob among them takes files out
 *   again, and `./` in front of a glob means nothing (as glob libraries read them).
 *   No include glob, no file.
 * - `.gitignore` rules skip what git would ignore (a file below an ignored folder
 *   too: git never looks inside it).
 */
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/** Folders never entered, wherever they are. */
export const ALWAYS_SKIPPED_FOLDERS: readonly string[] = ['.git', 'node_modules'];

export type SkipReason = 'always-skipped' | 'excluded' | 'not-included' | 'gitignored';

export type Verdict = { checked: true } | { checked: false; reason: SkipReason; pattern?: string };

export interface SelectionRules {
  include: readonly string[];
  exclude: readonly string[];
  /** The root `.gitignore`'s text, when there is one. */
  gitignore?: string | undefined;
}

export interface FileSelection {
  /** Whether a file is checked. A path outside the root (`../…`) is not the selection's to judge: checked. */
  file(path: string): Verdict;
  /** Whether files below a folder can be checked at all; when not, a walk need not enter it. */
  folder(path: string): Verdict;
}

const CHECKED: Verdict = { checked: true };

type Matcher = (path: string) => boolean;

export function createFileSelection(rules: SelectionRules): FileSelection {
  const included = includeMatcher(rules.include);
  const exclude = rules.exclude.filter((p) => p.length > 0);
  const excluded: Matcher = exclude.length ? globMatcher(exclude) : () => false;
  const excludedFolder = folderExcluder(exclude);
  const git = gitignoreTest(rules.gitignore);
  const firstMatch = (patterns: readonly string[], path: string) => patterns.find((p) => picomatch.isMatch(path, p, { dot: true }));
  return {
    file(path) {
      if (isOutside(path)) return CHECKED;
      const skipped = skippedFolderIn(path, false);
      if (skipped) return { checked: false, reason: 'always-skipped', pattern: skipped };
      if (excluded(path)) return { checked: false, reason: 'excluded', ...pattern(firstMatch(exclude, path)) };
      if (!included(path)) return { checked: false, reason: 'not-included' };
      const rule = git?.file(path);
      if (rule !== undefined) return { checked: false, reason: 'gitignored', ...pattern(rule) };
      return CHECKED;
    },
    folder(path) {
      if (isOutside(path)) return CHECKED;
      const skipped = skippedFolderIn(path, true);
      if (skipped) return { checked: false, reason: 'always-skipped', pattern: skipped };
      const glob = excludedFolder(path);
      if (glob !== undefined) return { checked: false, reason: 'excluded', pattern: glob };
      const rule = git?.folder(path);
      if (rule !== undefined) return { checked: false, reason: 'gitignored', ...pattern(rule) };
      return CHECKED;
    },
  };
}

/**
 * A document open in an editor is checked unless the always-skipped folders,
 * exclude or include leave it out: `.gitignore` only keeps files from being found
 * (as a file named on the command line is checked however it is ignored).
 */
export function checkedWhenOpen(v: Verdict): boolean {
  return v.checked || v.reason === 'gitignored';
}

function pattern(p: string | undefined): { pattern?: string } {
  return p === undefined ? {} : { pattern: p };
}

function isOutside(path: string): boolean {
  return path === '' || path === '..' || path.startsWith('../') || path.startsWith('/') || /^[A-Za-z]:/.test(path);
}

/**
 * The always-skipped folder name on the path (its last segment too when the path is
 * a folder's), the first one along the path. Asked for every file of a walk, so it
 * looks the names up in the path rather than splitting it.
 */
function skippedFolderIn(path: string, isFolder: boolean): string | undefined {
  let first: string | undefined;
  let firstAt = Infinity;
  for (const name of ALWAYS_SKIPPED_FOLDERS) {
    const at = folderAt(path, name, isFolder);
    if (at !== -1 && at < firstAt) {
      first = name;
      firstAt = at;
    }
  }
  return first;
}

/** Where `name` is a whole folder segment of the path (the last segment only if `last`), or -1. */
function folderAt(path: string, name: string, last: boolean): number {
  for (let at = path.indexOf(name); at !== -1; at = path.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || path.charCodeAt(at - 1) === SLASH) && (path.charCodeAt(end) === SLASH || (last && end === path.length))) return at;
  }
  return -1;
}

const SLASH = 0x2f;

function includeMatcher(include: readonly string[]): Matcher {
  const positive: string[] = [];
  const negative: string[] = [];
  for (const raw of include) {
    const negated = raw.startsWith('!');
    let p = negated ? raw.slice(1) : raw;
    while (p.startsWith('./')) p = p.slice(2);
    if (!p) continue;
    (negated ? negative : positive).push(p);
  }
  if (!positive.length) return () => false;
  const yes = globMatcher(positive);
  const no: Matcher = negative.length ? globMatcher(negative) : () => false;
  return (path) => yes(path) && !no(path);
}

/**
 * Whether a path matches any of the globs, as picomatch's matcher for the list
 * (with `dot`) answers: the path is a glob itself, or matches one of the regular
 * expressions picomatch makes of them. The expressions are joined into one, so a
 * walk of 10,000 files costs one regular expression test per file and glob list,
 * where picomatch's matcher builds a result object per glob and file (about ten
 * times as long).
 */
function globMatcher(globs: readonly string[]): Matcher {
  if (!globs.length) return () => false;
  const options = { dot: true };
  const regexes = globs.map((g) => picomatch.makeRe(g, options));
  const flags = regexes[0]?.flags ?? '';
  if (regexes.some((r) => r.flags !== flags)) return picomatch([...globs], options);
  const literal = new Set(globs);
  const any = new RegExp(regexes.map((r) => r.source).join('|'), flags);
  return (path) => path !== '' && (literal.has(path) || any.test(path));
}

/**
 * Exclude globs that cover a whole folder: `P/**` skips every path below a folder
 * that `P` matches (and `**` everything), so the walk need not enter it. Other
 * globs are tested file by file.
 */
function folderExcluder(exclude: readonly string[]): (path: string) => string | undefined {
  const whole: { glob: string; test: Matcher }[] = [];
  for (const glob of exclude) {
    if (glob === '**') whole.push({ glob, test: () => true });
    else if (glob.endsWith('/**') && glob.length > 3) whole.push({ glob, test: picomatch(glob.slice(0, -3), { dot: true }) });
  }
  return (path) => whole.find((w) => w.test(path))?.glob;
}

/**
 * The `.gitignore` rules as a test of files and folders, answering the rule that
 * ignores a path. When every rule names folders only (`drafts/`, `build/`: the usual
 * case), a file is ignored exactly when a folder above it is, so the answer is
 * looked up once per folder, not per file.
 */
function gitignoreTest(text: string | undefined): { file(path: string): string | undefined; folder(path: string): string | undefined } | undefined {
  if (text === undefined) return undefined;
  const rules = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (!rules.length) return undefined;
  let ig: Ignore;
  try {
    ig = ignore().add(text);
  } catch {
    return undefined;
  }
  const ruleFor = (path: string): string | undefined => {
    const r = ig.test(path);
    return r.ignored ? (r.rule?.pattern ?? '') : undefined;
  };
  const byFolder = new Map<string, string | null>();
  const folder = (path: string): string | undefined => {
    let hit = byFolder.get(path);
    if (hit === undefined) byFolder.set(path, (hit = ruleFor(`${path}/`) ?? null));
    return hit ?? undefined;
  };
  const foldersOnly = rules.every((l) => l.endsWith('/') && !l.startsWith('!') && !l.includes('\\'));
  const aboveFile = (path: string): string | undefined => {
    // The innermost ignored folder is not needed: any ignored one above decides.
    let slash = path.indexOf('/');
    while (slash !== -1) {
      const hit = folder(path.slice(0, slash));
      if (hit !== undefined) return hit;
      slash = path.indexOf('/', slash + 1);
    }
    return undefined;
  };
  return {
    file: (path) => (foldersOnly ? aboveFile(path) : ruleFor(path)),
    folder,
  };
}
