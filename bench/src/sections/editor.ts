/**
 * The editor section: latency over LSP (first diagnostics, edits, completion,
 * hover, memory) for our server and yaml-language-server at each size, and our
 * server under plain node once at the largest size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EditorRun, runEditor } from '../editor';
import type { Inputs } from '../inputs';
import type { Options } from '../options';
import type { EditorSummary } from '../results';
import { DIST, REPO, TMP, log } from '../run';
import { alertcfgServer, yamlLanguageServer } from '../servers';
import { summariseEditor } from '../summaries';

export async function editorSection(o: Options, inputs: Inputs): Promise<EditorSummary[]> {
  const out: EditorSummary[] = [];
  const servers = [
    { spec: alertcfgServer(DIST), runs: o.runs, edits: o.edits, requests: o.requests },
    ...(o.skip.has('peers') ? [] : [{ spec: yamlLanguageServer(REPO), runs: o.peerRuns, edits: o.peerEdits, requests: o.peerRequests }]),
  ];
  for (const m of inputs.multi) {
    const text = readFileSync(m.path, 'utf8');
    for (const s of servers) {
      const runs: EditorRun[] = [];
      const errors: string[] = [];
      for (let r = 0; r < s.runs; r++) {
        log(`editor: ${s.spec.name}, ${m.resources} resources, run ${r + 1}/${s.runs} (${s.edits} edits, ${s.requests} completions and hovers)`);
        try {
          runs.push(
            await runEditor(s.spec, text, m.resources, join(TMP, 'editor', `${s.spec.name}-${m.resources}`), { edits: s.edits, completions: s.requests, hovers: s.requests, thinkMs: 20, settleMs: 1500, timeoutMs: 120_000 }, log),
          );
        } catch (err) {
          errors.push((err as Error).message.split('\n')[0]!);
          log(`editor: ${s.spec.name} failed: ${errors[errors.length - 1]}`);
        }
      }
      const sum = summariseEditor(s.spec.name, m.resources, runs, errors);
      out.push(sum);
      log(`editor: ${s.spec.name} ${m.resources}: first ${sum.firstDiagnosticsMs.median} ms, edit p50 ${sum.edit.p50.median} / p99 ${sum.edit.p99.median} ms, completion p99 ${sum.completion.p99.median} ms, hover p99 ${sum.hover.p99.median} ms, RSS ${sum.peakRssMb.median} MB`);
    }
  }
  // The same server under plain node (as `alertcfg-language-server` starts it, without the extension's flags), once, at the largest size.
  const largest = inputs.multi[inputs.multi.length - 1];
  if (largest && !o.skip.has('variant')) {
    const spec = alertcfgServer(DIST, [], 'alertcfg (plain node)');
    log(`editor: ${spec.name}, ${largest.resources} resources, 1 run (plain node)`);
    try {
      const run = await runEditor(spec, readFileSync(largest.path, 'utf8'), largest.resources, join(TMP, 'editor', `variant-${largest.resources}`), { edits: o.edits, completions: o.requests, hovers: o.requests, thinkMs: 20, settleMs: 1500, timeoutMs: 120_000 }, log);
      out.push(summariseEditor(spec.name, largest.resources, [run], []));
    } catch (err) {
      log(`editor: plain-node variant failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return out;
}
