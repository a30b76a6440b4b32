/** The executable entry of `alertcfg`: wires the process to the command. */
import { type Io } from './validate-command';
import { VERSION, run } from './main';

const io: Io = {
  cwd: process.cwd(),
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  version: VERSION,
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
