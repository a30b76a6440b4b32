/**
 * Reading errors as sentences, worded the same in every subcommand:
 * `cannot read x.yaml: no such file`, `x is a folder; preview takes one file`.
 * Node's error codes (ENOENT, EISDIR, ...) never reach the user bare.
 */
import { readFileSync, statSync } from 'node:fs';

/** A file could not be read; the message is the sentence to print. */
export class ReadError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  EBUSY: 'the file is busy',
  ENXIO: 'no such device',
  EINVAL: 'not a readable file',
};

/** Why a read failed, in words: `no such file`, `permission denied`, ... */
export function readReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code]!;
  const message = err instanceof Error ? err.message : String(err);
  // Node's own messages start with the code: "EXDEV: cross-device link not permitted, open 'x'".
  return message.replace(/^[A-Z][A-Z0-9_]+:\s*/, '').replace(/,\s*\w+ '.*'$/, '') || 'unknown error';
}

/** `cannot read NAME: REASON`, NAME as the user wrote it. */
export function cannotRead(name: string, err: unknown): string {
  return `cannot read ${name}: ${readReason(err)}`;
}

/** `NAME is a folder; USE takes one file` (USE: `preview`, `--config`, ...). */
export function isAFolder(name: string, use: string): string {
  return `${name} is a folder; ${use} takes one file`;
}

/**
 * Reads one file named on the command line, or throws a ReadError with the
 * sentence: a folder is named as such (`use` says what wanted a file).
 */
export function readNamedFile(abs: string, name: string, use: string): Buffer {
  try {
    return readFileSync(abs);
  } catch (err) {
    throw new ReadError(describeFailure(abs, name, use, err));
  }
}

function describeFailure(abs: string, name: string, use: string, err: unknown): string {
  if ((err as NodeJS.ErrnoException).code === 'EISDIR') return isAFolder(name, use);
  try {
    if (statSync(abs).isDirectory()) return isAFolder(name, use);
  } catch {
    /* the read error says it */
  }
  return cannotRead(name, err);
}
