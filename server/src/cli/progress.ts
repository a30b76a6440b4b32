/** A one-line progress counter on a terminal's stderr, for long runs; silent otherwise. */
export class Progress {
  private n = 0;
  private last = 0;

  constructor(private readonly enabled: boolean, private readonly total: number, private readonly write: (s: string) => void) {}

  tick(): void {
    this.n++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.n < this.total) return;
    this.last = now;
    this.write(`\rChecking files: ${this.n}/${this.total}`);
  }

  done(): void {
    if (this.enabled) this.write('\r\x1b[K');
  }
}
