// An esbuild plugin for the web bundles (dist/web/): fails the build when anything they
// bundle imports a Node built-in (node:* or bare) or undici. VS Code for the Web runs the
// extension and the language server in web workers, where none of these exist; the
// Node-only parts (delivery, memory upkeep, the Node ports) stay out of the web entry
// points' import graphs. test/unit/architecture/web-bundles.test.ts checks the output too.
import { builtinModules } from 'node:module';
import { relative } from 'node:path';

const BUILTINS = new Set(builtinModules);

/** Why a web bundle may not import `specifier`, or undefined when it may. */
export function forbiddenInBrowser(specifier) {
  if (specifier === 'undici' || specifier.startsWith('undici/')) return 'the Node HTTP client';
  if (specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0])) return 'a Node built-in';
  return undefined;
}

export function webBoundary(root) {
  return {
    name: 'web-boundary',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const why = forbiddenInBrowser(args.path);
        if (!why) return undefined;
        const from = args.importer ? relative(root, args.importer) : '(entry)';
        return { errors: [{ text: `${from} imports '${args.path}', ${why}, which VS Code for the Web does not have: keep Node-only code out of the web entry points (see docs/architecture.md)` }] };
      });
    },
  };
}
