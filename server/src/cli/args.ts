/**
 * Command-line parsing for every subcommand, on node's own `util.parseArgs`.
 * A usage error is a `UsageError`, which main turns into exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export const USAGE = `Usage:
  alertcfg validate [PATH|GLOB...] [--format text|json|sarif|github] [--max-warnings N] [--config FILE] [--verbose]
  alertcfg preview FILE [--doc N] [--action send|push|clear|apply|replay] [--curl] [--json]
  alertcfg send FILE [--doc N] [--channel dingtalk|lark|wecom|webhook] [--message TEXT] [--dry-run] [--json]
  alertcfg push FILE | clear FILE | apply FILE [--doc N] [--yes] [--json]
  alertcfg replay FILE [--doc N] [--url URL] [--json]
      (all: [--config FILE] [--secrets-file FILE])
  alertcfg schema [KIND]
  alertcfg init [KIND] [--name NAME]
  alertcfg --version | --help

validate checks every alert-config document under the paths (default: .), prints
file:line:col severity code message, and exits 0 (clean), 1 (errors, or more
warnings than --max-warnings) or 2 (usage or I/O error). Actions exit 0 when the
vendor accepted, 1 when it refused or could not be reached, 2 when nothing was sent.`;

export function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | string[] | undefined>, positionals: r.positionals };
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/\. To specify.*$/s, '.') : String(err));
  }
}
