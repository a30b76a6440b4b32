/**
 * `alertcfg schema [KIND]` prints a kind's JSON Schema (the envelope schema without
 * a kind); `alertcfg init [KIND]` prints a new resource from the vendor doc's example.
 */
import { ENVELOPE_SCHEMA_FILE, type Kind, isKind, kindModule, kindNames, schemaFile, templateFor } from '../engine/index';
import { UsageError, parse } from './args';
import type { Io } from './validate-command';

function kindArg(arg: string | undefined): Kind | undefined {
  if (arg === undefined) return undefined;
  const match = kindNames().find((k) => k.toLowerCase() === arg.toLowerCase());
  if (!match || !isKind(match)) throw new UsageError(`unknown kind "${arg}"; kinds are ${kindNames().join(', ')}.`);
  return match;
}

export function schemaCommand(argv: string[], io: Io): number {
  const { positionals } = parse(argv, {});
  const kind = kindArg(positionals[0]);
  const file = kind ? kindModule(kind)!.schemaFile : ENVELOPE_SCHEMA_FILE;
  io.out(`${JSON.stringify(schemaFile(file), null, 2)}\n`);
  return 0;
}

export function initCommand(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, { name: { type: 'string' } });
  const kinds = positionals.length ? positionals.map((p) => kindArg(p)!) : kindNames();
  const name = values['name'] as string | undefined;
  io.out(kinds.map((k) => templateFor(k, name)).join('---\n'));
  return 0;
}
