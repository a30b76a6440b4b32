/**
 * Editor latency: one server, one generated multi-document file. Time to first
 * diagnostics after didOpen, then edits (one value changed mid-file each time; the
 * latency runs from sending didChange to receiving the diagnostics for that
 * version), then completion and hover requests mid-file, then the server's peak RSS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type LspSession as Session, LspSession, type ServerSpec, positionAt, sleep } from './lsp';

export interface EditorOptions {
  edits: number;
  completions: number;
  hovers: number;
  /** Pause after each answer before the next edit or request (a user's think time). */
  thinkMs: number;
  /** Wait after `initialized` before opening, so that start-up work is not timed. */
  settleMs: number;
  timeoutMs: number;
}

export interface EditorRun {
  server: string;
  resources: number;
  bytes: number;
  firstDiagnosticsMs: number;
  firstDiagnosticsCount: number;
  editMs: number[];
  /** After the first request of each pattern (reported apart, the slowest of them: they load and compile that code). */
  completionMs: number[];
  hoverMs: number[];
  firstCompletionMs: number;
  firstHoverMs: number;
  completionItems: number;
  hoversFound: number;
  peakRssMb: number;
  /** Peak RSS when the first diagnostics arrived, and after the edits. */
  peakRssOpenMb: number;
  peakRssEditsMb: number;
}

/** Offsets of mid-file values we edit: `durationTime: N` of AlarmCallbacks near the middle. */
function editTargets(text: string, count: number): number[] {
  const out: number[] = [];
  let at = text.indexOf('durationTime: ', Math.floor(text.length / 2) - 3000);
  while (at !== -1 && out.length < count) {
    out.push(at + 'durationTime: '.length);
    at = text.indexOf('durationTime: ', at + 1);
  }
  return out;
}

const PATTERNS = {
  // After "key: " (an enum's values), at a key's start (sibling keys), after "key: " (another enum).
  completion: ['event_severity: ', '  Email: ', 'operation_type: '],
  // Inside keys of three kinds' bodies.
  hover: ['event_severity', 'Email', 'alarmStatus', 'operation_type'],
};

/**
 * Positions for completion and hover from the middle of the file on, one per
 * pattern in turn (so each kind of request starts early), until there are `n`
 * (repeating when the file has fewer).
 */
function requestPositions(text: string, n: number, kind: 'completion' | 'hover'): number[] {
  const mid = Math.max(0, Math.floor(text.length / 2) - 5000);
  const patterns = PATTERNS[kind];
  const lists = patterns.map((p) => {
    const list: number[] = [];
    for (let at = text.indexOf(p, mid); at !== -1 && list.length < n; at = text.indexOf(p, at + 1)) {
      list.push(kind === 'completion' ? (p.startsWith('  ') ? at + 2 : at + p.length) : at + 2);
    }
    return list;
  });
  const out: number[] = [];
  for (let i = 0; out.length < n && lists.some((l) => l.length); i++) {
    const l = lists[i % lists.length]!;
    if (l.length) out.push(l[Math.floor(i / lists.length) % l.length]!);
  }
  return out;
}

export async function runEditor(spec: ServerSpec, text: string, resources: number, dir: string, o: EditorOptions, progress: (s: string) => void): Promise<EditorRun> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'alerts.yaml');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const s: Session = await LspSession.start(spec, dir);
  try {
    await sleep(o.settleMs);
    const sent = await s.open(uri, text);
    const first = await s.waitFor(uri, 0, (p) => p.version === undefined || p.version === 1, o.timeoutMs);
    const run: EditorRun = {
      server: spec.name,
      resources,
      bytes: Buffer.byteLength(text),
      firstDiagnosticsMs: first.at - sent,
      firstDiagnosticsCount: first.params.diagnostics.length,
      editMs: [],
      completionMs: [],
      hoverMs: [],
      firstCompletionMs: NaN,
      firstHoverMs: NaN,
      completionItems: 0,
      hoversFound: 0,
      peakRssMb: NaN,
      peakRssOpenMb: s.peakRssMb(),
      peakRssEditsMb: NaN,
    };
    await sleep(Math.max(o.thinkMs, 100));

    for (let i = 0; i < o.edits; i++) {
      const cur = s.text(uri);
      // The value of one of 16 mid-file targets, found again in the current text (edits shift offsets).
      const targets = editTargets(cur, 16);
      const start = targets[i % targets.length]!;
      const lineEnd = cur.indexOf('\n', start);
      // Every tenth edit makes the value invalid (a word); the next one makes it a number again.
      const value = i % 10 === 5 ? 'later' : String(300 + ((i * 37) % 600));
      const since = s.published.length;
      const { version, at } = await s.change(uri, start, lineEnd, value);
      const got = await s.waitFor(uri, since, (p) => p.version === undefined || p.version === version, o.timeoutMs);
      run.editMs.push(got.at - at);
      if (o.thinkMs) await sleep(o.thinkMs);
      if ((i + 1) % 50 === 0) progress(`${spec.name} ${resources}: ${i + 1}/${o.edits} edits`);
    }

    run.peakRssEditsMb = s.peakRssMb();
    const cur = s.text(uri);
    // The first request of each pattern loads and compiles that code: reported apart, as "first".
    const warmC = PATTERNS.completion.length;
    const completions = requestPositions(cur, o.completions + warmC, 'completion');
    for (let i = 0; i < completions.length; i++) {
      const r = await s.completion(uri, positionAt(cur, completions[i]!));
      if (i < warmC) run.firstCompletionMs = Math.max(r.ms, i === 0 ? 0 : run.firstCompletionMs);
      else {
        run.completionMs.push(r.ms);
        run.completionItems += r.items;
      }
      if (o.thinkMs) await sleep(o.thinkMs);
    }
    const warmH = PATTERNS.hover.length;
    const hovers = requestPositions(cur, o.hovers + warmH, 'hover');
    for (let i = 0; i < hovers.length; i++) {
      const r = await s.hover(uri, positionAt(cur, hovers[i]!));
      if (i < warmH) run.firstHoverMs = Math.max(r.ms, i === 0 ? 0 : run.firstHoverMs);
      else {
        run.hoverMs.push(r.ms);
        if (r.found) run.hoversFound++;
      }
      if (o.thinkMs) await sleep(o.thinkMs);
    }
    run.peakRssMb = s.peakRssMb();
    return run;
  } finally {
    await s.shutdown();
  }
}
