/** The executable entry of `alertcfg`: wires the process to the command. */
import { type ActionIo, askOnTerminal } from './action-commands';
import { VERSION, run } from './main';

const io: ActionIo = {
  cwd: process.cwd(),
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  version: VERSION,
  env: process.env,
  ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: askOnTerminal } : {}),
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
