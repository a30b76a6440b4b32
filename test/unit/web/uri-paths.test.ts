/**
 * The paths of the language server in a browser are URIs (server/src/lsp/platform/
 * uri-paths.ts): one key per file whatever spelling a client uses, and the spelling
 * VS Code itself writes (checked against vscode-uri, VS Code's own URI code), so
 * that a file found by the workspace walk and the same file opened in the editor
 * are one entry.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { URI } from 'vscode-uri';
import { URI_PATHS as P } from '../../../server/src/lsp/platform/uri-paths';

const ROOT = 'vscode-vfs://github/alertcfg/demo';

/** Path segments with the characters file names have: letters, digits, punctuation, spaces, non-ASCII. */
const segment = fc.string({ unit: fc.oneof(fc.constantFrom(...'abcXYZ019-._~ !$&\'()*+,;=:@%#?[]{}^`|"<>'.split('')), fc.constantFrom('é', '中', '文', '😀')), minLength: 1, maxLength: 8 }).filter((s) => s !== '.' && s !== '..');
const relative = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

describe('URI paths', () => {
  test('one key for the spellings of a URI: escapes, case of the scheme, a trailing slash', () => {
    const key = P.canonical(`${ROOT}/a%20b/c!.yaml`);
    assert.equal(key, `${ROOT}/a%20b/c%21.yaml`);
    for (const other of [`${ROOT}/a b/c!.yaml`, `VSCODE-VFS://github/alertcfg/demo/a%20b/c%21.yaml`, `${ROOT}/a%20b/c%21.yaml`]) assert.equal(P.canonical(other), key, other);
    assert.equal(P.canonical(`${ROOT}/`), ROOT);
    assert.equal(P.canonical('file:///C%3A/work/a.yaml'), 'file:///c%3A/work/a.yaml');
    assert.equal(P.canonical('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(P.pathOf('untitled:Untitled-1'), undefined);
  });

  test('the canonical spelling is VS Code\'s (vscode-uri), whatever the file name', () => {
    fc.assert(
      fc.property(relative, fc.constantFrom(ROOT, 'vscode-remote://127.0.0.1:8080/home/u/repo', 'file:///home/u/repo'), (rel, root) => {
        const vscode = URI.parse(root).with({ path: `${URI.parse(root).path}/${rel}` }).toString();
        assert.equal(P.canonical(vscode), vscode);
        assert.equal(P.join(root, rel), vscode);
        assert.equal(P.relativeInside(root, vscode), rel);
        assert.equal(P.basename(vscode), rel.split('/').pop());
      }),
      { numRuns: 300 },
    );
  });

  test('inside a folder, the folder itself, and outside it', () => {
    assert.equal(P.relativeInside(ROOT, `${ROOT}/contacts/a.yaml`), 'contacts/a.yaml');
    assert.equal(P.relativeInside(`${ROOT}/`, `${ROOT}/contacts/a%20b.yaml`), 'contacts/a b.yaml');
    assert.equal(P.relativeInside(ROOT, ROOT), '');
    assert.equal(P.relativeInside(ROOT, `${ROOT}2/a.yaml`), undefined);
    assert.equal(P.relativeInside(ROOT, 'vscode-vfs://github/alertcfg/other/a.yaml'), undefined);
    assert.equal(P.relativeInside(ROOT, `${ROOT}/x/../../a.yaml`), undefined);
    assert.equal(P.relativeInside(ROOT, `${ROOT}/x%2Fy.yaml`), undefined, 'an escaped / is not a folder');
    assert.equal(P.uriOf(`${ROOT}/a.yaml`), `${ROOT}/a.yaml`);
  });
});
