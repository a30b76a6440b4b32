/**
 * The executable entry of `alertcfg`: wires the process to the command. The same
 * bundle runs in the worker threads of `alertcfg validate` (validate-worker.ts).
 * Modules are loaded when needed, so that `validate` does not pay for the action
 * commands' HTTP client and signing code at start-up.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import type { ActionIo } from './action-commands';
import type * as Main from './main';
import type * as ValidateWorker from './validate-worker';

/* eslint-disable @typescript-eslint/no-require-imports */
const worker = require('./validate-worker') as typeof ValidateWorker;
if (!isMainThread && worker.isValidateWorker(workerData)) worker.runValidateWorker();
else {
  const { VERSION, run } = require('./main') as typeof Main;
  const io: ActionIo = {
    cwd: process.cwd(),
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
    version: VERSION,
    env: process.env,
    workerScript: __filename,
    ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: (q: string) => (require('./action-commands') as typeof import('./action-commands')).askOnTerminal(q) } : {}),
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
