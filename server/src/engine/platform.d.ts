/**
 * The platform globals the engine may use, beyond ES2022: each exists in Node and in
 * browsers alike. The engine compiles without Node's or the DOM's types
 * (tsconfig.json: `types: []`), so what is not declared here (Buffer, process,
 * setTimeout, fetch, ...) cannot be used by mistake. Only the members the engine
 * uses are declared.
 */

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

declare class URLSearchParams {
  get(name: string): string | null;
  has(name: string): boolean;
  forEach(callback: (value: string, name: string) => void): void;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
}

/** The monotonic clock (time budgets). */
declare const performance: { now(): number };

/** V8's stack trace depth (Node, Chromium): turned off while the `yaml` package makes errors in bulk. */
interface ErrorConstructor {
  stackTraceLimit?: number;
}

/** Base64 of a binary string, and back (Node 16+ and browsers). */
declare function btoa(data: string): string;
declare function atob(data: string): string;
