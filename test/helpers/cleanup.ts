/**
 * What a test file starts it also stops: stand-ins closed and other clean-ups run
 * after the file's tests, in the reverse order of their start.
 */
import { after } from 'node:test';

const cleanup: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** Runs `fn` after the file's tests. */
export function atEnd(fn: () => Promise<void> | void): void {
  cleanup.push(fn);
}

/** A started server (a stand-in), closed after the file's tests. */
export async function keep<T extends { close(): Promise<void> }>(p: Promise<T>): Promise<T> {
  const s = await p;
  cleanup.push(() => s.close());
  return s;
}
