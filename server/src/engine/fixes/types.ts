/**
 * Quick fixes: edits as offsets into the file text, computed from a finding's
 * `code` and `data` and the current text. The language server turns them into
 * code actions; nothing here knows about LSP.
 */
import type { Finding } from '../model/finding';
import type { SourceFormat } from '../parse/document';
import type { AnalysedFile, Locale } from '../features/common';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** A plaintext secret to move into the client's secret storage. */
export interface SecretMove {
  /** The secret's name, e.g. `sre-oncall-dingtalk-secret`. */
  name: string;
  /** The same name as an environment variable, e.g. `SRE_ONCALL_DINGTALK_SECRET`. */
  envName: string;
  /** The literal secret (to store; never shown or logged). */
  value: string;
  /** Offsets of the literal in the file (the finding's range). */
  start: number;
  end: number;
  /** The edit that writes a reference (`${secret:NAME}`) in place of the literal. */
  edit(reference: string): OffsetEdit | undefined;
}

export interface Fix {
  title: string;
  edits: OffsetEdit[];
  /** The fix to apply when the user asks for "the" fix. */
  preferred?: boolean;
  /** Set when the fix needs the client's secret storage: the adapter runs a command instead of edits. */
  moveSecret?: SecretMove;
  /** The alternative to `moveSecret` for clients without secret storage (offered only to them). */
  withoutSecretStorage?: boolean;
}

export interface FixContext {
  text: string;
  file: AnalysedFile;
  format: SourceFormat;
  locale?: Locale;
}

export type FixFunction = (finding: Finding, ctx: FixContext) => Fix[];

export function say(ctx: FixContext, en: string, zh: string): string {
  return ctx.locale === 'zh-cn' ? zh : en;
}
