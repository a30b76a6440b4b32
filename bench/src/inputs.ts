/**
 * The benchmark's inputs, generated for each run: multi-document files of each
 * size and a GitOps repository of many files.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Repo, generateRepo, multiDocFile } from './generate';
import type { Options } from './options';
import { TMP, log } from './run';

export interface Inputs {
  multi: { resources: number; path: string; bytes: number; meanBytes: number; flawed: number }[];
  repo: Repo;
}

export function generateInputs(o: Options): Inputs {
  const dir = join(TMP, 'inputs');
  mkdirSync(dir, { recursive: true });
  const multi = o.sizes.map((n) => {
    const f = multiDocFile(n);
    const path = join(dir, `alerts-${n}.yaml`);
    writeFileSync(path, f.text);
    const bytes = Buffer.byteLength(f.text);
    return { resources: n, path, bytes, meanBytes: Math.round(bytes / n), flawed: f.flawed };
  });
  log(`inputs: multi-document files of ${o.sizes.join(', ')} resources (${multi.map((m) => `${(m.bytes / 1024).toFixed(0)} KiB`).join(', ')}, ~${multi[0]!.meanBytes} bytes each)`);
  const repo = generateRepo(join(TMP, 'repo'), o.repoFiles);
  log(`inputs: repository of ${repo.files} files (${(repo.bytes / 2 ** 20).toFixed(1)} MiB, ${repo.flawed} with an error, one cross-file clash)`);
  return { multi, repo };
}

export function repoFiles(repo: Repo, teams: number): string[] {
  const out: string[] = [];
  for (const t of repo.teams.slice(0, teams)) for (const f of readdirSync(join(repo.root, t)).sort()) out.push(join(repo.root, t, f));
  return out;
}

