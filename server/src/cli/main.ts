/**
 * The `alertcfg` command: dispatches subcommands, and turns every failure into a
 * one-line message and an exit code (2 for usage and I/O errors), never a stack trace.
 */
import { USAGE, UsageError, usageOf, wantsHelp } from './args';
import { ReadError } from '../env/read-errors';
import type { ActionIo } from './action-commands';
import { VERBS, type VerbId } from '../engine/verbs';
import { validateCommand } from './validate-command';

// Imported when they run, each from a chunk of its own: `validate` (the CI path) starts without them.
const actions = () => import('./action-commands.js');
const schemaInit = () => import('./schema-init-commands.js');
// GitOps sync: plan, the converging apply, import.
const planning = () => import('./plan-command.js');
const applying = () => import('./apply-command.js');
const importing = () => import('./import-command.js');

declare const __VERSION__: string;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

/** The verbs' subcommands (the verbs table), by their CLI name. */
const VERB_COMMANDS = new Map<string, VerbId>(VERBS.map((v) => [v.cli, v.id]));
const COMMANDS = new Set(['validate', 'schema', 'init', ...VERB_COMMANDS.keys()]);

export async function run(argv: string[], io: ActionIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command !== undefined && COMMANDS.has(command) && wantsHelp(rest)) {
      io.out(`${usageOf(command)}\n`);
      return 0;
    }
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'schema':
        return (await schemaInit()).schemaCommand(rest, io);
      case 'init':
        return (await schemaInit()).initCommand(rest, io);
      case '--version':
      case '-v':
        io.out(`${VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(`${rest[0] !== undefined && COMMANDS.has(rest[0]) ? usageOf(rest[0]) : USAGE}\n`);
        return command === undefined ? 2 : 0;
      default: {
        const verb = VERB_COMMANDS.get(command);
        if (verb === 'plan') return await (await planning()).planCommand(rest, io);
        if (verb === 'import') return await (await importing()).importCommand(rest, io);
        if (verb === 'apply') return await (await applying()).applyCommand(rest, io);
        if (verb) return await (await actions()).actionCommand(verb, rest, io);
        throw new UsageError(`unknown command "${command}".`);
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`alertcfg: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof ReadError) {
      io.err(`alertcfg: ${err.message}.\n`);
      return 2;
    }
    io.err(`alertcfg: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
