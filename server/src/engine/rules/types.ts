/**
 * What a semantic rule sees and how it reports. Rules read the tree and values of
 * one resource; paths they pass are relative to the vendor body unless they say
 * otherwise.
 */
import type { FindingData, Range, Severity } from '../model/finding';
import type { Kind } from '../model/kinds';
import type { Node, PathSegment } from '../parse/tree';
import type { Resource } from '../recognise/resource';

export interface RuleContext {
  readonly kind: Kind;
  readonly resource: Resource;
  /** The document's root node. */
  readonly root: Node;
  /** The vendor body node (`spec`, or the root of a raw body). */
  readonly body: Node | undefined;
  /** The vendor body as a plain value. */
  readonly bodyValue: unknown;
  /** The whole document as a plain value. */
  readonly value: unknown;
  /** The document's text; tree offsets index into it. */
  readonly text: string;
  /** Range of the value at a body path (nearest existing ancestor if missing). */
  valueAt(path: readonly PathSegment[]): Range | undefined;
  /** Range of the key naming the node at a body path. */
  keyAt(path: readonly PathSegment[]): Range | undefined;
  /** The schema at a body path (kind dispatch and `$ref`s resolved) with its properties, for rules that read annotations. */
  schemaAt(path: readonly PathSegment[]): SchemaView | undefined;
  /** Reports a finding; the severity is the rule's default unless given. */
  report(code: string, range: Range | undefined, message: string, data?: FindingData): void;
}

export interface SchemaView {
  schema: Readonly<Record<string, unknown>>;
  properties(): readonly { name: string; schema: Readonly<Record<string, unknown>> }[];
  /** The schema one step below (a property name or an item index): `schemaAt` of the path one longer, without walking it again. */
  child(seg: PathSegment): SchemaView | undefined;
}

export interface Rule {
  /** The codes this rule reports (each documented in the catalog). */
  readonly codes: readonly string[];
  check(ctx: RuleContext): void;
}

export interface CodeDoc {
  code: string;
  severity: Severity;
  title: string;
  /** Where the rule comes from: the vendor doc's sentence, or research notes. */
  source: string;
  /** A bad example (YAML) and a good one. */
  bad?: string;
  good?: string;
  /** The quick fix the editor offers, if any. */
  fix?: string;
  /** How the finding is placed or counted, where that is not obvious. */
  note?: string;
}
