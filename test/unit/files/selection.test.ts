/** The engine's file selection, walk and configuration search, without a file system. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ConfigFolders, type FolderEntry, createFileSelection, checkedWhenOpen, findConfigFile, selectedFiles } from '../../../server/src/engine/index';

const DEFAULT = { include: ['**/*.yaml', '**/*.yml', '**/*.json'], exclude: ['**/node_modules/**', '**/.git/**'] };

describe('createFileSelection', () => {
  test('include picks files by glob, dot files and folders too', () => {
    const s = createFileSelection(DEFAULT);
    assert.deepEqual(s.file('a.yaml'), { checked: true });
    assert.deepEqual(s.file('.hidden/deep/b.json'), { checked: true });
    assert.deepEqual(s.file('.alertcfg.yml'), { checked: true });
    assert.deepEqual(s.file('notes.txt'), { checked: false, reason: 'not-included' });
  });

  test('.git and node_modules are skipped at any depth, whatever the settings say', () => {
    const s = createFileSelection({ include: ['**'], exclude: [] });
    assert.deepEqual(s.file('node_modules/pkg/a.yaml'), { checked: false, reason: 'always-skipped', pattern: 'node_modules' });
    assert.deepEqual(s.file('team/.git/hooks/a.yaml'), { checked: false, reason: 'always-skipped', pattern: '.git' });
    assert.deepEqual(s.folder('a/node_modules'), { checked: false, reason: 'always-skipped', pattern: 'node_modules' });
    assert.deepEqual(s.file('node_modules.yaml'), { checked: true });
  });

  test('exclude names the glob; only globs of whole folders skip the folder itself', () => {
    const s = createFileSelection({ include: ['**/*.yaml'], exclude: ['drafts/**', 'archive/*', '**/*.wip.yaml'] });
    assert.deepEqual(s.file('drafts/x/a.yaml'), { checked: false, reason: 'excluded', pattern: 'drafts/**' });
    assert.deepEqual(s.folder('drafts'), { checked: false, reason: 'excluded', pattern: 'drafts/**' });
    assert.deepEqual(s.file('archive/a.yaml'), { checked: false, reason: 'excluded', pattern: 'archive/*' });
    // `archive/*` covers the folder's own files, not the folders below it.
    assert.deepEqual(s.folder('archive'), { checked: true });
    assert.deepEqual(s.file('archive/2024/a.yaml'), { checked: true });
    assert.deepEqual(s.file('team/a.wip.yaml'), { checked: false, reason: 'excluded', pattern: '**/*.wip.yaml' });
  });

  test('a ! include glob takes files out again; ./ in front means nothing; no include glob, no file', () => {
    const s = createFileSelection({ include: ['./contacts/**/*.yaml', '!contacts/old/**'], exclude: [] });
    assert.deepEqual(s.file('contacts/a.yaml'), { checked: true });
    assert.deepEqual(s.file('contacts/old/a.yaml'), { checked: false, reason: 'not-included' });
    assert.deepEqual(s.file('events/a.yaml'), { checked: false, reason: 'not-included' });
    assert.deepEqual(createFileSelection({ include: [], exclude: [] }).file('a.yaml'), { checked: false, reason: 'not-included' });
  });

  test('.gitignore: folder rules, file rules and re-included files, as git reads them', () => {
    const s = createFileSelection({ ...DEFAULT, gitignore: '# build output\nbuild/\n*.local.yaml\n!keep.local.yaml\n' });
    assert.deepEqual(s.file('build/a.yaml'), { checked: false, reason: 'gitignored', pattern: 'build/' });
    assert.deepEqual(s.folder('team/build'), { checked: false, reason: 'gitignored', pattern: 'build/' });
    assert.deepEqual(s.file('team/x.local.yaml'), { checked: false, reason: 'gitignored', pattern: '*.local.yaml' });
    assert.deepEqual(s.file('team/keep.local.yaml'), { checked: true });
    assert.deepEqual(s.file('team/a.yaml'), { checked: true });
  });

  test('.gitignore of folders only: a file below an ignored folder is ignored', () => {
    const s = createFileSelection({ ...DEFAULT, gitignore: 'ignored/\nout/\n' });
    assert.deepEqual(s.file('ignored/deep/a.yaml'), { checked: false, reason: 'gitignored', pattern: 'ignored/' });
    assert.deepEqual(s.file('a/out/b.yaml'), { checked: false, reason: 'gitignored', pattern: 'out/' });
    assert.deepEqual(s.file('ignored.yaml'), { checked: true });
  });

  test('paths outside the root are not judged', () => {
    const s = createFileSelection({ include: [], exclude: ['**'] });
    assert.deepEqual(s.file('../other/a.yaml'), { checked: true });
  });

  test('an open document ignores .gitignore only', () => {
    const s = createFileSelection({ ...DEFAULT, exclude: ['drafts/**'], gitignore: 'ignored/\n' });
    assert.equal(checkedWhenOpen(s.file('ignored/a.yaml')), true);
    assert.equal(checkedWhenOpen(s.file('drafts/a.yaml')), false);
    assert.equal(checkedWhenOpen(s.file('a.txt')), false);
    assert.equal(checkedWhenOpen(s.file('node_modules/a.yaml')), false);
  });
});

describe('selectedFiles', () => {
  const tree: Record<string, FolderEntry[]> = {
    '': [
      { name: 'a.yaml', type: 'file' },
      { name: 'link.yaml', type: 'link' },
      { name: 'fifo.yaml', type: 'other' },
      { name: 'drafts', type: 'folder' },
      { name: 'team', type: 'folder' },
      { name: 'node_modules', type: 'folder' },
    ],
    team: [
      { name: 'b.yaml', type: 'file' },
      { name: 'c.txt', type: 'file' },
    ],
    drafts: [{ name: 'd.yaml', type: 'file' }],
    node_modules: [{ name: 'e.yaml', type: 'file' }],
  };

  test('lists the selected files and links, entering no skipped folder', () => {
    const listed: string[] = [];
    const list = (p: string) => {
      listed.push(p);
      return tree[p];
    };
    const s = createFileSelection({ include: ['**/*.yaml'], exclude: ['drafts/**'] });
    assert.deepEqual([...selectedFiles(list, s)].sort(), ['a.yaml', 'link.yaml', 'team/b.yaml']);
    assert.deepEqual(listed.sort(), ['', 'team']);
    assert.deepEqual([...selectedFiles(list, s, 'team')], ['team/b.yaml']);
  });

  test('a folder that cannot be listed is passed over', () => {
    const s = createFileSelection({ include: ['**'], exclude: [] });
    assert.deepEqual([...selectedFiles((p) => (p === '' ? [{ name: 'x', type: 'folder' }, { name: 'y.yaml', type: 'file' }] : undefined), s)], ['y.yaml']);
  });
});

describe('findConfigFile', () => {
  // Folders as a tree of names: '/repo/team' is below '/repo'.
  const disk = (files: Record<string, string>): ConfigFolders => ({
    read: (folder, name) => files[`${folder}/${name}`],
    has: (folder, name) => `${folder}/${name}` in files,
    parent: (folder) => (folder === '' ? undefined : folder.slice(0, folder.lastIndexOf('/'))),
  });

  test('the nearest folder up to the repository root; .yaml before .yml', () => {
    const d = disk({ '/repo/.git': '', '/repo/.alertcfg.yml': 'b', '/repo/.alertcfg.yaml': 'a', '/.alertcfg.yaml': 'outside' });
    assert.deepEqual(findConfigFile('/repo/team/x', d, { upward: true }), { folder: '/repo', name: '.alertcfg.yaml', text: 'a' });
    assert.equal(findConfigFile('/repo/team/x', d, { upward: false }), undefined);
    assert.deepEqual(findConfigFile('/repo', d, { upward: false }), { folder: '/repo', name: '.alertcfg.yaml', text: 'a' });
  });

  test('the search stops at the repository root, else goes to the top', () => {
    assert.equal(findConfigFile('/repo/team', disk({ '/repo/.git': '', '/.alertcfg.yaml': 'outside' }), { upward: true }), undefined);
    assert.deepEqual(findConfigFile('/repo/team', disk({ '/.alertcfg.yml': 'top' }), { upward: true }), { folder: '', name: '.alertcfg.yml', text: 'top' });
  });
});
