/**
 * Loopback helpers for the delivery tests: a port that refuses connections, and an
 * answer too large to keep.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago: bound, then released). */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Answers `count` MiB of `x`, honouring back-pressure, then ends the response. */
export function streamMegabytes(res: http.ServerResponse, count: number): void {
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  let n = 0;
  const write = (): void => {
    while (n < count) {
      n++;
      if (!res.write(chunk)) return void res.once('drain', write);
    }
    res.end();
  };
  write();
}
