/**
 * Keeps the language server's heap close to its live data. Every edit of a large
 * file makes a new text of the file's size (the document is one string) and new
 * per-version tables; they live until the next edit, long enough for V8 to move
 * them to the old generation, where, with the limits V8 picks on machines with
 * plenty of memory, they pile up to hundreds of MB before a collection. So after
 * a publication, when the old generation has grown by more than SLACK_BYTES since
 * the last collection, the server asks for a full collection (~20-30 ms with a
 * 5,000-resource file open), queued behind the work at hand rather than inside it.
 * The collector comes from V8's `--expose-gc`, set at run time for new contexts
 * only; where that is unavailable, nothing happens and V8 decides alone.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

export const SLACK_BYTES = 16 * 1024 * 1024;

/** V8's collector, when `--expose-gc` can be set at run time; null where it cannot. */
function exposedCollector(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const fn = vm.runInNewContext('gc') as unknown;
    return typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    return null;
  }
}

function oldGeneration(): number {
  let used = 0;
  for (const s of v8.getHeapSpaceStatistics()) if (s.space_name === 'old_space' || s.space_name === 'large_object_space') used += s.space_used_size;
  return used;
}

export class HeapKeeper {
  private collector: (() => void) | null | undefined;
  private baseline = 0;
  private queued = false;
  /** Collections requested so far (for logs and tests). */
  collections = 0;

  /** Call after a burst of work (a validation published): collects when the old generation outgrew the last live size by SLACK_BYTES. */
  check(): void {
    if (this.queued || this.collector === null) return;
    if (oldGeneration() < this.baseline + SLACK_BYTES) return;
    this.queued = true;
    setImmediate(() => {
      this.queued = false;
      if (this.collector === undefined) this.collector = exposedCollector();
      if (!this.collector) return;
      this.collector();
      this.collections++;
      this.baseline = oldGeneration();
    });
  }
}
