// An esbuild plugin that fails the build when the engine (server/src/engine) imports
// what it must not: an editor or LSP module (vscode, vscode-languageserver*, ...),
// undici, a Node built-in (node:* or bare), or a file outside the engine other than
// the schemas' JSON. test/unit/architecture/engine-purity.test.ts checks the same
// rules over every engine file; this plugin stops a bundle from being made at all.
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const BUILTINS = new Set(builtinModules);

/** Why the engine may not import `specifier`, or undefined when it may. */
function forbidden(specifier) {
  if (specifier === 'vscode' || /^vscode-(?:languageserver|languageclient|jsonrpc)(?:[-/]|$)/.test(specifier)) return 'an editor or LSP module';
  if (specifier === 'undici' || specifier.startsWith('undici/')) return 'the HTTP client';
  if (specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0])) return 'a Node built-in';
  return undefined;
}

export function engineBoundary(root) {
  const engine = join(root, 'server', 'src', 'engine') + sep;
  const schemas = join(root, 'schemas') + sep;
  return {
    name: 'engine-boundary',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (!args.importer.startsWith(engine)) return undefined;
        const from = relative(root, args.importer);
        const why = forbidden(args.path);
        if (why) return { errors: [{ text: `${from} imports '${args.path}', ${why}: the engine stays platform-free (see docs/architecture.md)` }] };
        if (args.path.startsWith('.')) {
          const target = resolve(dirname(args.importer), args.path);
          const isSchema = target.startsWith(schemas) && target.endsWith('.json');
          if (!target.startsWith(engine) && !isSchema) return { errors: [{ text: `${from} imports '${args.path}', outside the engine: adapters belong in server/src/cli, lsp, node or delivery` }] };
        }
        return undefined;
      });
    },
  };
}
