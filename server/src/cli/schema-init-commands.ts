/**
 * `alertcfg schema [KIND]` prints a kind's JSON Schema (the envelope schema without
 * a kind); `alertcfg init [KIND]` prints a new resource from the vendor doc's example.
 */
import { ENVELOPE_SCHEMA_FILE, KINDS, KIND_INFO, type Kind, SCHEMA_FILES, isKind, templateFor } from '../engine/index';
import { UsageError, parse } from './args';
import type { Io } from './validate-command';

function kindArg(arg: string | undefined): Kind | undefined {
  if (arg === undefined) return undefined;
  const match = KINDS.find((k) => k.toLowerCase() === arg.toLowerCase());
  if (!match || !isKind(match)) throw new UsageError(`unknown kind "${arg}"; kinds are ${KINDS.join(', ')}.`);
  return match;
}

export function schemaCommand(argv: string[], io: Io): number {
  const { positionals } = parse(argv, {});
  const kind = kindArg(positionals[0]);
  const file = kind ? KIND_INFO[kind].schemaFile : ENVELOPE_SCHEMA_FILE;
  io.out(`${JSON.stringify(SCHEMA_FILES[file], null, 2)}\n`);
  return 0;
}

export function initCommand(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, { name: { type: 'string' } });
  const kinds = positionals.length ? positionals.map((p) => kindArg(p)!) : [...KINDS];
  const name = values['name'] as string | undefined;
  io.out(kinds.map((k) => templateFor(k, name)).join('---\n'));
  return 0;
}
