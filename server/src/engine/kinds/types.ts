/**
 * What the engine knows of a kind of resource, in one place: its body schema and
 * the shape of its `target`, the field that names it at the vendor, its semantic
 * rules, how a new one is written, and the actions it offers. The registry
 * (index.ts) lists the kinds; everything else asks it.
 */
import type { ValidateFunction } from 'ajv';
import type { PlanBuilder } from '../actions/build/context';
import type { ActionName } from '../verbs';
import type { MapNode } from '../parse/tree';
import type { CodeDoc, Rule } from '../rules/types';
import type { SyncSpec } from '../sync/types';
import type { Channel } from '../webhooks/channels';

export type Schema = Record<string, unknown>;

export interface KindModule {
  /** The `kind` value, e.g. `Contact`. */
  readonly kind: string;
  /** Short description for pickers and outlines. */
  readonly title: string;
  /** The vendor API, as messages and pickers name it. */
  readonly vendor: string;
  /** One line each for the envelope's `kind` enum (English and Simplified Chinese). */
  readonly summary: { readonly en: string; readonly zh: string };
  /** File name of the body schema in `schemas/`, and the schema itself. */
  readonly schemaFile: string;
  readonly schema: Schema;
  /** The schema of the envelope's `target` (never credentials). */
  readonly target: Schema;
  /** Whether the envelope may carry `action` (EventReport's `action: clear`). */
  readonly envelopeAction?: boolean;
  /** The body field that names the resource at the vendor, unique there (Contact `Name`). */
  readonly nameField?: string;
  /** When two resources of the workspace share that name: the finding the vendor's refusal becomes. */
  readonly nameConflict?: { readonly code: string; message(name: string, count: number): string };
  /** Schema findings in the body carry the vendor's own codes (`MissingParameter.Name`). */
  readonly vendorCodes?: { readonly missing: string; readonly invalid: string };
  readonly rules: readonly Rule[];
  /** Catalog entries of codes only this kind's rules report (the built-in ones are in rules/catalog.ts). */
  readonly codes?: readonly CodeDoc[];
  /** A new resource: the envelope's target and the body (the doc's example, secrets as references). */
  readonly template: { readonly target: Readonly<Record<string, string>>; body?(example: Record<string, unknown>): Record<string, unknown> };
  /**
   * What a raw body of the kind looks like, to say why an unassociated one was not
   * checked: words one must contain, the top-level keys that give it away, and a
   * folder for the example glob.
   */
  readonly rawBody?: { readonly words: readonly string[]; keys(root: MapNode): string[] | undefined; readonly folder: string };
  /** The actions a resource offers, from its body and envelope; the first is its main one. */
  actions(body: unknown, envelope: { action?: unknown }): ActionName[];
  /** The bot channels a body can send to, for kinds that send per channel. */
  channels?(body: unknown): Channel[];
  /**
   * Validators of the body and the target. Built-in kinds get them precompiled at
   * build time (by kind name); a kind registered at run time brings its own.
   */
  readonly validators?: { readonly body: ValidateFunction; readonly target: ValidateFunction };
}

/**
 * What a kind does, apart from what it is (so that validation never loads request
 * planning): the planners of the actions `KindModule.actions` offers, each
 * planning its request(s) through the vendor modules that sign them, and GitOps
 * sync for kinds whose resources live in a cloud account, unique there by
 * `nameField`. Built-in kinds' are in `kinds/actions/`.
 */
export interface KindActions {
  readonly kind: string;
  readonly verbs: Readonly<Partial<Record<ActionName, (b: PlanBuilder) => void>>>;
  readonly sync?: SyncSpec;
}
