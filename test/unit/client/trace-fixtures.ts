/**
 * What the trace-masking tests share: the secrets, every form none of them may take
 * in what reaches the output channel, and a `vscode.LogOutputChannel` that records
 * what is written to it, standing in for the visible "Alert Config" channel.
 */
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';

export const SECRETS = {
  dingtalk: 'SECtraceDingTalk0123456789abcdef',
  /** JSON.stringify escapes both: the trace shows `pa\"ss\\word…`. */
  quoted: 'pa"ss\\word-trace-0001',
  /** Printed as is by JSON.stringify, as `\uXXXX` by ASCII-only writers. */
  unicode: '密钥-trace-ключ-0002',
  /** Written over two lines by a raw writer, as `\n` in JSON. */
  multiLine: 'line-one-trace-0003\nline-two-trace-0003',
  /** Shorter than the substring threshold. */
  short: 'q7',
};

export const CREDENTIALS = {
  huawei: { ak: 'HWAKTRACE0000000001', sk: 'traceHuaweiSecretKey+/=0004' },
  volcengine: { accessKeyId: 'AKLTtraceAccessKey0005', secretAccessKey: 'traceVolcSecret==0006', sessionToken: 'traceVolcSession0007' },
};

const jsonEscape = (s: string) => JSON.stringify(s).slice(1, -1);
const asciiEscape = (s: string, upper: boolean) =>
  jsonEscape(s).replace(/[\u007f-\uffff]/g, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });

/** Every form a value may take in a trace. A short value only as a whole JSON string. */
export function formsOf(value: string): string[] {
  if (value.length < 4) return [JSON.stringify(value), `\\"${jsonEscape(value)}\\"`];
  return [...new Set([value, jsonEscape(value), jsonEscape(jsonEscape(value)), asciiEscape(value, false), asciiEscape(value, true), encodeURIComponent(value)])];
}

export const ALL_VALUES: string[] = [...Object.values(SECRETS), ...Object.values(CREDENTIALS).flatMap((c) => Object.values(c))];

/** Fails naming the value and showing where, when any form of any of `values` is in `text`. */
export function assertNoSecret(where: string, text: string, values: string[] = ALL_VALUES): void {
  for (const v of values) {
    for (const form of formsOf(v)) {
      const at = text.indexOf(form);
      assert.ok(at < 0, `${where}: ${JSON.stringify(v)} appears as ${JSON.stringify(form)}: …${text.slice(Math.max(0, at - 60), at + form.length + 30)}…`);
    }
  }
}

/** vscode.LogLevel.Trace (the enum is not available outside the editor). */
export const LOG_LEVEL_TRACE = 1 as vscode.LogLevel;

export interface Written {
  method: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'append' | 'appendLine' | 'replace' | 'clear';
  text: string;
}

export class RecordingChannel implements vscode.LogOutputChannel {
  readonly name = 'Alert Config';
  readonly written: Written[] = [];
  logLevel: vscode.LogLevel = LOG_LEVEL_TRACE;
  readonly listeners: ((level: vscode.LogLevel) => unknown)[] = [];
  readonly onDidChangeLogLevel: vscode.Event<vscode.LogLevel> = (listener) => {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  };
  shown: unknown[][] = [];
  hidden = 0;
  disposed = 0;

  trace(message: string): void {
    this.written.push({ method: 'trace', text: message });
  }
  debug(message: string): void {
    this.written.push({ method: 'debug', text: message });
  }
  info(message: string): void {
    this.written.push({ method: 'info', text: message });
  }
  warn(message: string): void {
    this.written.push({ method: 'warn', text: message });
  }
  error(error: string | Error): void {
    this.written.push({ method: 'error', text: String(error) });
  }
  append(value: string): void {
    this.written.push({ method: 'append', text: value });
  }
  appendLine(value: string): void {
    this.written.push({ method: 'appendLine', text: value });
  }
  replace(value: string): void {
    this.written.push({ method: 'replace', text: value });
  }
  clear(): void {
    this.written.push({ method: 'clear', text: '' });
  }
  show(...args: unknown[]): void {
    this.shown.push(args);
  }
  hide(): void {
    this.hidden++;
  }
  dispose(): void {
    this.disposed++;
  }

  /** Everything shown, as the channel would read (a line per entry; `append` continues its line). */
  text(): string {
    let out = '';
    for (const w of this.written) {
      if (w.method === 'clear') out = '';
      else if (w.method === 'replace') out = w.text;
      else if (w.method === 'append') out += w.text;
      else out += `${w.text}\n`;
    }
    return out;
  }
}
