// An esbuild plugin that tells the bundler what docs/architecture.md promises: the
// engine (server/src/engine) is pure, so importing one of its modules does nothing
// but define things. A module none of whose exports a bundle uses is then left out
// of it, even when it is reached through a barrel such as engine/index.ts: the
// CLI's validate chunks carry no request building or signing, although the engine's
// public surface exports them.
import { join, sep } from 'node:path';

export function pureEngine(root) {
  const engine = join(root, 'server', 'src', 'engine') + sep;
  return {
    name: 'pure-engine',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData?.pureEngine) return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { pureEngine: true } });
        if (found.errors.length || !found.path.startsWith(engine)) return undefined;
        return { path: found.path, namespace: found.namespace, sideEffects: false };
      });
    },
  };
}
