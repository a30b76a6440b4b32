// Suite entry of the harness smoke test's in-host suite (see ../run-mocha.ts): bundled at test
// time by harness-smoke.test.ts into <dir>/index.js beside <dir>/probe.vtest.js.
import { runMochaSuite } from '../run-mocha';

export function run() {
  return runMochaSuite({ dir: __dirname, ui: 'tdd', timeout: 15_000 });
}
