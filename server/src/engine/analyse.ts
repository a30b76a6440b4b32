/**
 * Analyses one document: is it ours, is it valid against its schema, do the
 * semantic rules pass. Findings are relative to the document's `base`, so the
 * result of a document whose text did not change can be reused as it is.
 */
import type { Finding, FindingData, Range } from './model/finding';
import { type Kind } from './model/kinds';
import { DEFAULT_TIME_BUDGET, type TimeBudget, timeBudgetExceeded } from './limits';
import type { ParsedDocument, ParseLimits } from './parse/document';
import { DEFAULT_PARSE_LIMITS } from './parse/document';
import { type Node, isString, keyRange, nodeAt, valueRange } from './parse/tree';
import { expandedSize, toValue } from './parse/value';
import { classify, type Resource } from './recognise/classify';
import { defaultSeverity } from './rules/catalog';
import { rulesFor } from './rules/index';
import type { RuleContext, SchemaView } from './rules/types';
import { mapSchemaErrors } from './schema/errors';
import { envelopeErrors } from './schema/envelope-check';
import { type SchemaAt, propertiesOf, schemaAt, schemaChild, schemaRootFor } from './schema/lookup';
import { kindValidators } from './schema/registry';
import { kindModule } from './kinds/index';

/** What the workspace index keeps of a resource for cross-file rules. */
export interface ResourceSummary {
  kind: Kind | undefined;
  documentIndex: number;
  /** metadata.name, with the range of its value (relative to the document). */
  name?: { value: string } & Range;
  /** The vendor's own name field (Contact `Name`, ...), if the kind has one. */
  vendorName?: { value: string } & Range;
  /** Range of the resource for outlines: from its first to its last node. */
  range: Range;
}

export interface DocumentResult {
  resource: Resource | undefined;
  findings: Finding[];
  summary?: ResourceSummary;
}

/** Keys of a raw body that are not part of the vendor's body. */
const RAW_OMITTED: ReadonlySet<string> = new Set(['$schema']);

// At a line's start, or after `{` / `,` (one-line JSON, YAML flow mappings).
const ENVELOPE_HINT = /(^|[{,])\s*(apiVersion\s*:\s*["']?alertcfg\/|"apiVersion"\s*:\s*"alertcfg\/)/m;

export function analyseDocument(doc: ParsedDocument, globKind?: Kind, limits: ParseLimits = DEFAULT_PARSE_LIMITS, budget: TimeBudget = DEFAULT_TIME_BUDGET): DocumentResult {
  const deadline = budget.now() + budget.ms;
  const overdue = () => budget.now() > deadline;
  const resource = classify(doc, globKind);
  if (!resource) {
    // A broken document that was meant to be ours still gets its syntax errors.
    if (doc.broken && ENVELOPE_HINT.test(doc.text)) return { resource, findings: [...doc.syntax] };
    return { resource, findings: [] };
  }
  const findings: Finding[] = [...doc.syntax];
  const root = doc.root!;
  const summary = summarise(doc, resource);
  if (doc.broken) return { resource, findings, summary };
  // Without a `*` there are no aliases: the tree is its own expansion, and a tree has
  // at most about two nodes per character, so the limit needs no walk to check.
  const aliasFree = doc.text.indexOf('*') === -1;
  if (!(aliasFree && 2 * doc.text.length + 2 <= limits.maxExpandedNodes) && expandedSize(root, limits.maxExpandedNodes) > limits.maxExpandedNodes) {
    findings.push({
      code: 'alias-expansion-limit',
      severity: defaultSeverity('alias-expansion-limit'),
      message: `Aliases in this document expand to more than ${limits.maxExpandedNodes} nodes; it was not validated. Write the content out or use fewer nested aliases.`,
      start: root.start,
      end: Math.min(root.end, root.start + 1),
    });
    return { resource, findings, summary };
  }
  const value = toValue(root, resource.form === 'raw' ? RAW_OMITTED : undefined, aliasFree);
  // Past the time budget the remaining checks are skipped, with one finding that says which.
  const stop = (skipped: string) => {
    findings.push(timeBudgetExceeded(budget, skipped, root.start));
    return { resource, findings, summary };
  };
  if (overdue()) return stop('the schema check and the rules');
  const errors = resource.form === 'envelope' ? envelopeErrors(value) : bodyErrors(resource.kind!, value);
  if (errors) {
    for (const f of mapSchemaErrors(errors, { root, kind: resource.kind, bodyPath: resource.bodyPath, stop: overdue })) findings.push(f);
  }
  if (overdue()) return stop('part of the schema check and the rules');
  if (resource.kind) {
    const skipped = runRules(doc, resource, root, value, findings, overdue);
    if (skipped) return stop(`the rules from ${skipped} on`);
  }
  return { resource, findings, summary };
}

/** Runs the kind's rules; returns the first code of the rule it stopped at when time ran out. */
function runRules(doc: ParsedDocument, resource: Resource, root: Node, value: unknown, out: Finding[], overdue: () => boolean): string | undefined {
  const body = nodeAt(root, resource.bodyPath);
  if (body?.type !== 'map') return undefined;
  const bodyValue = resource.bodyPath.length ? (value as Record<string, unknown>)['spec'] : value;
  const ctx: RuleContext = {
    kind: resource.kind!,
    resource,
    root,
    body,
    bodyValue,
    value,
    text: doc.text,
    valueAt: (p) => valueRange(root, [...resource.bodyPath, ...p]),
    keyAt: (p) => keyRange(root, [...resource.bodyPath, ...p]),
    schemaAt(p) {
      const schemaRoot = schemaRootFor(resource);
      const at = schemaRoot && schemaAt(schemaRoot, [...resource.bodyPath, ...p]);
      return at && schemaView(at, schemaRoot.kind);
    },
    report(code: string, range: Range | undefined, message: string, data?: FindingData) {
      const r = range ?? { start: body.start, end: body.start };
      out.push({ code, severity: defaultSeverity(code), message, start: r.start, end: r.end, ...(data ? { data } : {}) });
    },
  };
  for (const rule of rulesFor(resource.kind!)) {
    if (overdue()) return rule.codes[0];
    try {
      rule.check(ctx);
    } catch (err) {
      out.push({
        code: 'internal-error',
        severity: 'error',
        message: `alertcfg could not finish checking this document (${rule.codes[0]}: ${err instanceof Error ? err.message : String(err)}). Please report this.`,
        start: body.start,
        end: body.start,
      });
    }
  }
  return undefined;
}

/** Views of the schemas below a root, kept with them (schemaChild keeps each child per kind). */
const views = new WeakMap<SchemaAt, SchemaView>();

function schemaView(at: SchemaAt, kind: Kind | undefined): SchemaView {
  const kept = views.get(at);
  if (kept) return kept;
  const view: SchemaView = {
    schema: at.schema,
    properties: () => propertiesOf(at, kind),
    child(seg) {
      const below = schemaChild(at, seg, kind);
      return below && schemaView(below, kind);
    },
  };
  views.set(at, view);
  return view;
}

/** A raw body's schema errors (undefined when it is valid). */
function bodyErrors(kind: Kind, value: unknown) {
  const validate = kindValidators(kind)?.body;
  return !validate || validate(value) ? undefined : (validate.errors ?? []);
}

/** What the workspace index keeps of a resource (see ResourceSummary). */
export function summarise(doc: ParsedDocument, resource: Resource): ResourceSummary {
  const root = doc.root!;
  const name = nodeAt(root, ['metadata', 'name']);
  const vendorField = kindModule(resource.kind)?.nameField;
  const vendor = vendorField ? nodeAt(root, [...resource.bodyPath, vendorField]) : undefined;
  // Built in steps, keys in the same order as always, with no spread of temporary objects.
  const summary = { kind: resource.kind, documentIndex: doc.index } as ResourceSummary;
  if (isString(name) && resource.form === 'envelope') summary.name = { value: detached(name.value), start: name.start, end: name.end };
  if (isString(vendor)) summary.vendorName = { value: detached(vendor.value), start: vendor.start, end: vendor.end };
  summary.range = { start: root.start, end: root.end };
  return summary;
}

/**
 * A copy of a string that does not keep the text it was cut from alive. A summary
 * outlives its file's text (the workspace index keeps the summaries of every file,
 * the CLI those of a whole run), but a name read from the text is a slice of it, and
 * V8 keeps the whole text for a slice of 13 characters or more. Joining and cutting
 * again makes a flat copy.
 */
function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
