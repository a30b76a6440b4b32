/**
 * Converts the `yaml` package's document AST into the engine's tree. Aliases become
 * shallow wrappers around their anchor's node (so the tree stays linear in size and
 * findings point at the alias), merge keys (`<<`) are applied, and nesting beyond
 * a limit is cut with one finding instead of exhausting the stack.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node as YNode, type Pair } from 'yaml';
import type { Finding, Range } from '../model/finding';
import type { MapEntry, MapNode, Node, Scalar, ScalarNode, SeqNode } from './tree';

export class YamlTreeBuilder {
  private readonly memo = new Map<YNode, Node>();
  private readonly inProgress = new Set<YNode>();
  readonly findings: Finding[] = [];
  private reportedDepth = false;
  /** The anchored node each alias refers to, found in one pass on first use. */
  private targets: Map<Alias, YNode> | undefined;

  constructor(private readonly doc: Document, private readonly maxDepth: number) {}

  build(): Node | undefined {
    return this.node(this.doc.contents as YNode | null, 0);
  }

  private node(n: YNode | Pair | null | undefined, depth: number): Node | undefined {
    if (n === null || n === undefined) return undefined;
    if (depth > this.maxDepth) {
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        const r = rangeOfY(n);
        this.findings.push({
          code: 'nesting-too-deep',
          severity: 'error',
          message: `Nesting deeper than ${this.maxDepth} levels: the content below this point is not checked. Flatten the structure.`,
          start: r.start,
          end: Math.min(r.end, r.start + 1),
        });
      }
      return undefined;
    }
    if (isAlias(n)) return this.alias(n, depth);
    const cached = this.memo.get(n as YNode);
    if (cached) return cached;
    let out: Node | undefined;
    if (isScalar(n)) out = scalarNode(n.value, n.range, n.type !== 'PLAIN' && n.type !== undefined);
    else if (isMap(n)) out = this.map(n.items as Pair[], n.range!, depth);
    else if (isSeq(n)) out = this.seq(n.items as (YNode | Pair)[], n.range!, depth);
    else if (isPair(n)) out = this.map([n], pairRange(n), depth);
    if (out) this.memo.set(n as YNode, out);
    return out;
  }

  private alias(n: Alias, depth: number): Node | undefined {
    // Not `n.resolve(doc)`: it walks the whole document for every alias, which is
    // quadratic (100,000 aliases never finish).
    const target = this.targetOf(n);
    if (!target || this.inProgress.has(target)) return undefined;
    this.inProgress.add(target);
    const resolved = this.node(target, depth);
    this.inProgress.delete(target);
    if (!resolved) return undefined;
    const r = n.range ?? [0, 0, 0];
    return { ...resolved, alias: { start: r[0], end: r[1] } } as Node;
  }

  /** The last node with the alias's anchor before the alias, as `Alias.resolve` finds it. */
  private targetOf(n: Alias): YNode | undefined {
    if (!this.targets) {
      const targets = new Map<Alias, YNode>();
      const anchors = new Map<string, YNode>();
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) {
            const t = anchors.get(node.source);
            if (t) targets.set(node, t);
          } else if ((isScalar(node) || isCollection(node)) && node.anchor) anchors.set(node.anchor, node);
        },
      });
      this.targets = targets;
    }
    return this.targets.get(n);
  }

  private map(items: Pair[], range: [number, number, number], depth: number): MapNode {
    const entries: MapEntry[] = [];
    const merged: MapEntry[] = [];
    // Scalar keys seen, by type and value: the `yaml` package's own uniqueness rule, in linear time.
    const seen = new Set<unknown>();
    for (const pair of items) {
      const keyNode = pair.key as YNode | null;
      if (isScalar(keyNode) && !(typeof keyNode.value === 'number' && Number.isNaN(keyNode.value))) {
        const id = typeof keyNode.value === 'string' ? keyNode.value : keyNode.value === null || keyNode.value === undefined ? keyNode.value : `${typeof keyNode.value}\u0000${String(keyNode.value)}`;
        if (seen.has(id)) this.duplicate(keyNode);
        seen.add(id);
      }
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        this.merge(pair, depth, merged);
        continue;
      }
      const key = this.key(keyNode, pair);
      // A key that is not a scalar is reported once (unsupported-key); keeping it would add an unknown-property finding for its made-up name.
      if (!isScalar(keyNode)) continue;
      const value = this.node(pair.value as YNode | null, depth + 1);
      entries.push({ key, value, start: key.start, end: value ? Math.max(value.end, key.end) : key.end });
    }
    // Keys of the map itself win over merged ones.
    for (const m of merged) if (!entries.some((e) => e.key.value === m.key.value)) entries.push(m);
    return { type: 'map', entries, start: range[0], end: range[1] };
  }

  /** A key equal to an earlier one of its mapping: the finding covers the whole key. */
  private duplicate(k: YNode): void {
    const r = k.range ?? [0, 0, 0];
    this.findings.push({
      code: 'duplicate-key',
      severity: 'error',
      message: 'Duplicate key: a key may appear only once in a mapping. Remove or rename one of them.',
      start: r[0],
      end: r[1],
      data: { parser: 'DUPLICATE_KEY' },
    });
  }

  private merge(pair: Pair, depth: number, into: MapEntry[]): void {
    const v = pair.value as YNode | null;
    const sources = isSeq(v) ? (v.items as YNode[]) : [v];
    const at: Range = v?.range ? { start: v.range[0], end: v.range[1] } : rangeOfY(pair);
    for (const s of sources) {
      const node = this.node(s, depth + 1);
      if (node?.type !== 'map') continue;
      for (const e of node.entries) {
        if (into.some((x) => x.key.value === e.key.value)) continue;
        into.push({
          key: { ...e.key, alias: at },
          value: e.value ? ({ ...e.value, alias: at } as Node) : undefined,
          start: at.start,
          end: at.end,
        });
      }
    }
  }

  private key(k: YNode | null, pair: Pair): ScalarNode {
    if (isScalar(k)) {
      const v = k.value;
      const text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      return scalarNode(text, k.range, k.type !== 'PLAIN');
    }
    const r = k?.range ?? pairRange(pair);
    this.findings.push({
      code: 'unsupported-key',
      severity: 'error',
      message: 'Only plain scalar keys are supported here; use a string key.',
      start: r[0],
      end: r[1],
    });
    return scalarNode(`?${r[0]}`, r, false);
  }

  private seq(items: (YNode | Pair)[], range: [number, number, number], depth: number): SeqNode {
    const out: Node[] = [];
    for (const it of items) {
      const node = this.node(it, depth + 1);
      out.push(node ?? scalarNode(null, [range[0], range[0], range[0]], false));
    }
    return { type: 'seq', items: out, start: range[0], end: range[1] };
  }
}

function scalarNode(v: unknown, range: [number, number, number] | null | undefined, quoted: boolean): ScalarNode {
  const r = range ?? [0, 0, 0];
  let value: Scalar;
  if (v === null || v === undefined) value = null;
  else if (typeof v === 'bigint') value = Number(v);
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') value = v;
  else value = String(v);
  return { type: 'scalar', value, quoted, start: r[0], end: r[1] };
}

function pairRange(p: Pair): [number, number, number] {
  const k = (p.key as YNode | null)?.range;
  const v = (p.value as YNode | null)?.range;
  const start = k?.[0] ?? v?.[0] ?? 0;
  const end = v?.[1] ?? k?.[1] ?? start;
  return [start, end, end];
}

function rangeOfY(n: YNode | Pair): Range {
  const r = isPair(n) ? pairRange(n) : (n as YNode).range ?? [0, 0, 0];
  return { start: r[0], end: r[1] };
}
