/**
 * What the engine knows of a vendor, in one place: how its answers are read (the
 * verdict, the advice for its error codes, what a success adds), whether a refusal
 * may be sent again, and the credentials it needs. How a request to it is planned
 * and signed is in the vendor's module too, as functions the kinds call; the
 * registry (index.ts) lists the modules so that delivery, reports and the
 * credential stores can ask it.
 */
import type { HttpAnswer, PlannedRequest } from '../actions/plan';
import type { Label } from '../verbs';

/** Whether an answer says the request was accepted, and the vendor's code and message when not. */
export interface Verdict {
  ok: boolean;
  code?: string;
  message?: string;
}

/** How one kind of answer is read (a vendor may answer in more than one way: Huawei's AOM and CTS). */
export interface AnswerReader {
  verdict(answer: HttpAnswer, json: unknown, plan: PlannedRequest): Verdict;
  /** The HTTP status alone decides: an answer whose body broke off is still judged. */
  readonly statusDecides?: boolean;
  /** An HTTP 503 is never sent again (AOM and CTS: "do not repeat the request without modifications"). */
  readonly noRetry503?: boolean;
  /** Whether the vendor reached what it was asked to reach (ZStack's `connected`); by default, an answer arrived. */
  connected?(json: unknown): boolean;
  /** What a successful answer says beyond "done" (Volcengine's verification e-mail). */
  notes?(json: unknown): string[];
  /** Plain advice for an error code: what it means and what to do. */
  advice?(code: string, message: string, status?: number): string | undefined;
}

export interface CredentialField {
  /** The key in the stored record (`accessKeyId`). */
  readonly key: string;
  readonly label: Label;
  /** The environment variable the CLI reads it from (`VOLCENGINE_ACCESS_KEY`). */
  readonly variable: string;
  /** A secret (masked, typed in a password box); false for identifiers such as an access key id. */
  readonly secret: boolean;
  readonly optional?: boolean;
}

/** One way to authenticate (Huawei: AK/SK, or an IAM token). */
export interface CredentialForm {
  readonly label: Label;
  readonly fields: readonly CredentialField[];
}

export interface CredentialSpec {
  /** The name credentials are stored and asked for under (`alertcfg/getCredentials` `provider`). */
  readonly provider: string;
  readonly forms: readonly CredentialForm[];
}

export interface VendorModule {
  /** `volcengine`, `huawei`, `dingtalk`, … */
  readonly id: string;
  readonly label: string;
  /** The answer readers, by the `vendor` id planned requests carry (`huawei-cts`, `dingtalk`). */
  readonly answers: Readonly<Record<string, AnswerReader>>;
  readonly credentials?: CredentialSpec;
}
