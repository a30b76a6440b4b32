/**
 * The workspace's files read through the client (server/src/lsp/platform/
 * client-files.ts), as the language server does in a browser: a listing the
 * engine's walk and file selection apply to (`.gitignore` and excludes included),
 * bytes in base64 within the size limit, text as Node reads it, and a client that
 * does not answer these requests asked once.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ResponseError } from 'vscode-languageserver';
import { createFileSelection, selectedFiles } from '../../../server/src/engine/index';
import { ClientFiles, type RequestSender, listerOf } from '../../../server/src/lsp/platform/client-files';
import { URI_PATHS } from '../../../server/src/lsp/platform/uri-paths';

const ROOT = 'vscode-vfs://github/alertcfg/demo';

function client(files: Record<string, string | Uint8Array>, asked: { method: string; params: unknown }[] = []): RequestSender {
  const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? Buffer.from(v) : Buffer.from(v));
  return {
    async sendRequest<R>(method: string, params: unknown): Promise<R> {
      asked.push({ method, params });
      const p = params as { uri: string; folder: string; maxBytes: number };
      if (method === 'alertcfg/findFiles') return { uris: Object.keys(files).map((rel) => `${p.folder}/${rel}`) } as R;
      const rel = p.uri.slice(ROOT.length + 1);
      const file = files[decodeURIComponent(rel)];
      if (method === 'alertcfg/stat') return (file === undefined ? null : { size: bytes(file).length, mtime: 7 }) as R;
      if (method === 'alertcfg/readFile') return (file === undefined || bytes(file).length > p.maxBytes ? null : { base64: bytes(file).toString('base64') }) as R;
      throw new Error(`unexpected ${method}`);
    },
  };
}

const logger = () => {
  const lines: string[] = [];
  return { lines, error: (m: string) => lines.push(m), log: (m: string) => lines.push(m) };
};

describe('files through the client', () => {
  test('the listing goes through the engine\'s walk and file selection', async () => {
    const files = new ClientFiles(client({ 'a.yaml': '', 'contacts/b.yaml': '', 'contacts/deep/c.json': '', 'node_modules/x/d.yaml': '', 'build/e.yaml': '', 'notes.txt': '', 'my file.yaml': '' }), URI_PATHS, logger());
    const selection = createFileSelection({ include: ['**/*.yaml', '**/*.json'], exclude: ['**/node_modules/**'], gitignore: 'build/\n' });
    const list = await files.lister(ROOT, { include: ['**/*.yaml'], exclude: [] });
    assert.deepEqual([...selectedFiles(list, selection)].sort(), ['a.yaml', 'contacts/b.yaml', 'contacts/deep/c.json', 'my file.yaml']);
  });

  test('a listing of paths: folders are those the paths pass through', () => {
    const list = listerOf(['a.yaml', 'x/b.yaml', 'x/y/c.yaml']);
    assert.deepEqual(list(''), [{ name: 'a.yaml', type: 'file' }, { name: 'x', type: 'folder' }]);
    assert.deepEqual(list('x'), [{ name: 'b.yaml', type: 'file' }, { name: 'y', type: 'folder' }]);
    assert.equal(list('z'), undefined);
  });

  test('bytes within the limit, text as Node reads it (a byte order mark kept), size and time', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('kind: Contact\n')]);
    const files = new ClientFiles(client({ 'a.yaml': 'a: 1\n', 'bom.yaml': bom, 'é.yaml': 'x: é\n' }), URI_PATHS, logger());
    assert.deepEqual(await files.read(`${ROOT}/a.yaml`, 100), new Uint8Array(Buffer.from('a: 1\n')));
    assert.equal(await files.read(`${ROOT}/a.yaml`, 4), undefined);
    assert.equal(await files.read(`${ROOT}/missing.yaml`, 100), undefined);
    assert.equal(await files.readText(`${ROOT}/bom.yaml`), Buffer.from(bom).toString('utf8'));
    assert.equal(await files.readText(`${ROOT}/%C3%A9.yaml`), 'x: é\n');
    assert.deepEqual(await files.stat(`${ROOT}/a.yaml`), { size: 5, mtime: 7 });
    assert.equal(await files.stat(`${ROOT}/missing.yaml`), undefined);
  });

  test('a client without these requests is asked once and leaves the open documents only', async () => {
    const log = logger();
    let asked = 0;
    const files = new ClientFiles({ sendRequest: async () => { asked++; throw new ResponseError(-32601, 'Unhandled method'); } }, URI_PATHS, log);
    assert.deepEqual([...selectedFiles(await files.lister(ROOT, { include: ['**/*.yaml'], exclude: [] }), createFileSelection({ include: ['**/*.yaml'], exclude: [] }))], []);
    assert.equal(await files.readText(`${ROOT}/.alertcfg.yaml`), undefined);
    assert.equal(asked, 1);
    assert.deepEqual(log.lines, ['alertcfg: the client does not answer alertcfg/findFiles; only open documents are checked.']);
  });
});
