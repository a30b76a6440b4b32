/**
 * Every handler runs through `safe`: whatever goes wrong (a bad request, an
 * unknown document, a bug), the client gets a valid empty result and the error goes
 * to the connection's console. Cancellation is the one error that is passed on.
 */
import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  log(message: string): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyResponseError = ResponseError<any>;

export class Cancelled extends ResponseError<void> {
  constructor() {
    super(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
  }
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new Cancelled();
}

export function safe<P, R, E, A extends unknown[]>(logger: Logger, name: string, empty: E, fn: (params: P, ...rest: A) => R | Promise<R>): (params: P, ...rest: A) => Promise<R | E | AnyResponseError> {
  return async (params: P, ...rest: A) => {
    try {
      return await fn(params, ...rest);
    } catch (err) {
      if (err instanceof ResponseError) return err as AnyResponseError;
      logger.error(`alertcfg: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return empty;
    }
  };
}

/** The same for notifications: nothing to answer, nothing thrown. */
export function safeNotification<P>(logger: Logger, name: string, fn: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    try {
      const r = fn(params);
      if (r && typeof (r as Promise<void>).catch === 'function') {
        (r as Promise<void>).catch((err: unknown) => logger.error(`alertcfg: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
      }
    } catch (err) {
      logger.error(`alertcfg: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  };
}

/** Resolves to `fallback` if the promise takes longer than `ms` or fails. */
export function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** A text document identifier's URI from untrusted params, or undefined. */
export function uriOf(params: unknown): string | undefined {
  const td = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument;
  return typeof td?.uri === 'string' ? td.uri : undefined;
}

/** Resolves on a later turn of the event loop, after whatever came in meanwhile (setImmediate on Node, a timer in a browser). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
