/**
 * The executable entry of `alertcfg`: wires the process to the command. The same
 * bundle runs in the worker threads of `alertcfg validate` (validate-worker.ts).
 * Only `validate` is loaded with the entry; every other command (and the action
 * commands' HTTP client and signing code) is imported when it runs, from a chunk
 * of its own (see docs/architecture.md, "What loads when").
 */
import './jit';
import { isMainThread, workerData } from 'node:worker_threads';
import type { ActionIo } from './action-commands';
import { VERSION, run } from './main';
import { isValidateWorker, runValidateWorker } from './validate-worker';

if (!isMainThread && isValidateWorker(workerData)) runValidateWorker();
else {
  const io: ActionIo = {
    cwd: process.cwd(),
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
    version: VERSION,
    env: process.env,
    workerScript: __filename,
    ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: async (q: string) => (await import('./action-commands.js')).askOnTerminal(q) } : {}),
  };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`alertcfg: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
