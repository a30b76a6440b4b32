/**
 * The output channel the language client writes its log and message trace to: a
 * `LogOutputChannel` in front of the visible "Alert Config" channel that masks
 * every text before passing it on (`TraceMasker`).
 *
 * vscode-languageclient 11 writes each traced message whole, in one `trace()` call
 * (`BaseLanguageClient.trace`/`traceObject` in lib/common/client.js), the server's
 * `window/logMessage` in one `error`/`warn`/`info`/`debug` call or `appendLine`,
 * and the server's stdout and stderr line by line (lib/node/main.js): those are
 * masked call by call. Text written piecewise with `append` is held until its line
 * is complete (and a registered value spanning lines until it is whole), so a
 * secret written in two pieces is masked like one written at once. `replace`,
 * `clear` and `dispose` drop what is held. The trace is on when the visible
 * channel's log level is Trace, which this one reports.
 *
 * Only type imports of `vscode`: the channel runs under plain node in the tests.
 */
import type * as vscode from 'vscode';
import type { TraceMasker } from './trace-mask';

export class MaskingLogChannel implements vscode.LogOutputChannel {
  /** Text written with `append`, not yet shown. */
  private pending = '';

  constructor(
    private readonly target: vscode.LogOutputChannel,
    private readonly masker: TraceMasker,
  ) {}

  get name(): string {
    return this.target.name;
  }

  get logLevel(): vscode.LogLevel {
    return this.target.logLevel;
  }

  get onDidChangeLogLevel(): vscode.Event<vscode.LogLevel> {
    return this.target.onDidChangeLogLevel;
  }

  trace(message: string, ...args: unknown[]): void {
    this.target.trace(this.masked(message, args));
  }

  debug(message: string, ...args: unknown[]): void {
    this.target.debug(this.masked(message, args));
  }

  info(message: string, ...args: unknown[]): void {
    this.target.info(this.masked(message, args));
  }

  warn(message: string, ...args: unknown[]): void {
    this.target.warn(this.masked(message, args));
  }

  error(error: string | Error, ...args: unknown[]): void {
    this.target.error(this.masked(typeof error === 'string' ? error : (error.stack ?? error.message), args));
  }

  append(value: string): void {
    this.pending += value;
    this.flush(this.masker.flushable(this.pending));
  }

  appendLine(value: string): void {
    this.append(`${value}\n`);
  }

  replace(value: string): void {
    this.pending = '';
    this.target.replace(this.masker.mask(value));
  }

  clear(): void {
    this.pending = '';
    this.target.clear();
  }

  show(preserveFocus?: boolean): void;
  show(column?: vscode.ViewColumn, preserveFocus?: boolean): void;
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'number') this.target.show(columnOrPreserveFocus, preserveFocus);
    else this.target.show(columnOrPreserveFocus ?? preserveFocus);
  }

  hide(): void {
    this.target.hide();
  }

  /**
   * Drops what is still held: an unfinished line may end in the first part of a
   * secret whose rest never came, which masking cannot recognise. The visible
   * channel belongs to whoever created it and is left open.
   */
  dispose(): void {
    this.pending = '';
  }

  /** Shows the first `length` characters held, masked, a line at a time. */
  private flush(length: number): void {
    if (length <= 0) return;
    const text = this.masker.mask(this.pending.slice(0, length));
    this.pending = this.pending.slice(length);
    const lines = text.split('\n');
    const rest = lines.pop()!;
    for (const line of lines) this.target.appendLine(line);
    if (rest) this.target.append(rest);
  }

  /** The message with its arguments (formatted as the log channel would: objects as JSON), masked. */
  private masked(message: string, args: unknown[]): string {
    return this.masker.mask(args.length ? [message, ...args.map(formatArg)].join(' ') : message);
  }
}

function formatArg(a: unknown): string {
  if (typeof a === 'string') return a;
  if (a instanceof Error) return a.stack ?? a.message;
  try {
    return JSON.stringify(a) ?? String(a);
  } catch {
    return String(a);
  }
}
