/** Running commands under GNU time: wall time, CPU time and peak RSS. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Timed {
  wallMs: number;
  userMs: number;
  sysMs: number;
  peakRssMb: number;
  exitCode: number | null;
  stdoutBytes: number;
  stderrTail: string;
}

const GNU_TIME = '/usr/bin/time';

export function haveGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/**
 * Runs a command and measures it. With GNU time the peak RSS is its "Maximum
 * resident set size" (the whole process, worker threads included); the wall time
 * is measured here around the spawn (it includes process start-up, as a user sees it).
 */
export function timed(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const useTime = haveGnuTime();
    const file = useTime ? GNU_TIME : command;
    const argv = useTime ? ['-f', '__TIME__ %e %U %S %M %x', command, ...args] : args;
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdoutBytes += d.length));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const m = /__TIME__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+) (-?\d+)/.exec(stderr);
      const rest = stderr.replace(/__TIME__.*\n?/, '');
      resolve({
        wallMs,
        userMs: m ? Number(m[2]) * 1000 : NaN,
        sysMs: m ? Number(m[3]) * 1000 : NaN,
        peakRssMb: m ? Number(m[4]) / 1024 : NaN,
        exitCode: m ? Number(m[5]) : code,
        stdoutBytes,
        stderrTail: rest.slice(-2000),
      });
    });
  });
}
