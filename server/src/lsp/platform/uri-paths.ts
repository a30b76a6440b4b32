/**
 * Paths that are URIs, for a server with no file system of its own (a web worker
 * in VS Code for the Web): a file's path is its URI in one canonical spelling, so
 * `vscode-vfs://github/owner/repo/a.yaml` (github.dev), `vscode-remote://…` and
 * `file:///…` all work alike. The canonical spelling is VS Code's own: lower-case
 * scheme and drive letter, every path character but `A-Z a-z 0-9 - . _ ~` and `/`
 * percent-encoded in upper-case hex, no trailing `/`. Clients may spell a URI
 * otherwise (`%21` or `!`); both give the same key.
 */
import type { UriPaths } from './types';

const HIERARCHICAL = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A path segment as VS Code writes it: only unreserved characters stay as they are. */
export function encodeSegment(segment: string): string {
  try {
    return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return segment; // a lone surrogate: leave it as it was
  }
}

function canonical(uri: string): string {
  const m = HIERARCHICAL.exec(uri);
  if (!m) return uri;
  const scheme = m[1]!.toLowerCase();
  const segments = (m[3] ?? '').split('/').map((s) => encodeSegment(decode(s)));
  if (scheme === 'file' && segments.length > 1 && /^[A-Za-z]%3A$/.test(segments[1]!)) segments[1] = segments[1]!.toLowerCase().replace('%3a', '%3A');
  let path = segments.join('/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return `${scheme}://${m[2]!.toLowerCase()}${path}${m[4] ?? ''}${m[5] ?? ''}`;
}

function withoutSuffix(path: string): string {
  const cut = path.search(/[?#]/);
  return cut < 0 ? path : path.slice(0, cut);
}

export const URI_PATHS: UriPaths = {
  canonical,
  pathOf: (uri) => (HIERARCHICAL.test(uri) ? canonical(uri) : undefined),
  uriOf: (path) => path,
  relativeInside(folder, path) {
    const root = withoutSuffix(folder).replace(/\/+$/, '');
    const file = withoutSuffix(path);
    if (file === root) return '';
    if (!file.startsWith(`${root}/`)) return undefined;
    const parts = file.slice(root.length + 1).split('/').map(decode);
    if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('/'))) return undefined;
    return parts.join('/');
  },
  join(root, relative) {
    const base = root.replace(/\/+$/, '');
    return relative === '' ? base : `${base}/${relative.split('/').map(encodeSegment).join('/')}`;
  },
  basename(path) {
    const plain = withoutSuffix(path);
    return decode(plain.slice(plain.lastIndexOf('/') + 1));
  },
};
