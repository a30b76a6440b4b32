/**
 * The floor section: the bare `yaml` parse of the same bytes beside full
 * validation, each input measured in a fresh process.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FloorResult } from '../floor';
import { type Inputs, repoFiles } from '../inputs';
import { TMP, log } from '../run';

/** Runs the floor measurement in a fresh process. */
function floorChild(label: string, paths: string[], passes: number): Promise<FloorResult> {
  const listFile = join(TMP, `floor-${label.replace(/\W+/g, '-')}.json`);
  writeFileSync(listFile, JSON.stringify({ label, paths, passes }));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--child', 'floor', listFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as FloorResult) : reject(new Error(`floor child failed (${code})`))));
  });
}

export async function floorSection(inputs: Inputs): Promise<FloorResult[]> {
  const out: FloorResult[] = [];
  for (const m of inputs.multi) {
    log(`floor: ${m.resources} resources in one file: yaml parseAllDocuments vs validateText`);
    out.push(await floorChild(`${m.resources} resources, one file`, [m.path], m.resources >= 5000 ? 4 : 6));
  }
  const files = repoFiles(inputs.repo, inputs.repo.teams.length);
  log(`floor: repository of ${files.length} files: yaml parseAllDocuments vs validateText, file by file`);
  out.push(await floorChild(`${files.length} files`, files, 4));
  return out;
}
