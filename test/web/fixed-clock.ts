/**
 * A fixed clock for comparing signatures: script text that replaces the global
 * `Date` so that `new Date()` and `Date.now()` give one instant, run before the
 * language server in both builds (a preload with `--require` for dist/server.js, the
 * first lines of the worker script for dist/web/server.js). Dates built from
 * arguments are untouched.
 */
export function fixedClockScript(ms: number): string {
  return `(() => {
  const Real = Date;
  const at = ${JSON.stringify(ms)};
  class FixedDate extends Real {
    constructor(...args) { if (args.length === 0) super(at); else super(...args); }
    static now() { return at; }
  }
  globalThis.Date = FixedDate;
})();
`;
}
