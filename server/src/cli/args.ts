/**
 * Command-line parsing for every subcommand, on node's own `util.parseArgs`, and
 * each subcommand's usage (`alertcfg COMMAND --help`). A usage error is a
 * `UsageError`, which main turns into exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

const SUMMARY = `validate checks every alert-config document under the paths (default: .), prints
file:line:col severity code message, and exits 0 (clean), 1 (errors, or more
warnings than --max-warnings) or 2 (usage or I/O error). Actions exit 0 when the
vendor accepted, 1 when it refused or could not be reached, 2 when nothing was sent.
alertcfg COMMAND --help shows one command's options.`;

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

${SUMMARY}`;

const ACTION_OPTIONS = `  -d, --doc N              the resource to use in a file of several: its index (0, 1, ...)
  -c, --config FILE        the configuration (default: the nearest .alertcfg.yaml)
      --secrets-file FILE  a dotenv file of secrets (NAME=value or ALERTCFG_SECRET_NAME=value)
      --json               print the result as JSON`;

const SECRETS = `Secrets: \${secret:NAME} from ALERTCFG_SECRET_<NAME> or --secrets-file, \${env:NAME}
from the environment; cloud credentials from HUAWEICLOUD_SDK_AK/_SK (or _TOKEN),
VOLCENGINE_ACCESS_KEY/_SECRET_KEY and ZSTACK_SESSION_UUID.`;

const SENDS = `Exit code: 0 when the vendor accepted, 1 when it refused or could not be reached,
2 when nothing was sent (usage, an invalid resource, a secret or credential not set).`;

const COMMANDS: Record<string, string> = {
  validate: `Usage: alertcfg validate [PATH|GLOB...] [options]

Checks every alert-config document under the paths (default: .) and prints
file:line:col severity code message. Folders are walked with the configuration's
include/exclude globs, skipping .git, node_modules and .gitignore'd paths.

Options:
  -f, --format FORMAT      text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)
      --max-warnings N     exit 1 when there are more than N warnings
  -c, --config FILE        the configuration (default: the nearest .alertcfg.yaml)
  -h, --help               show this help

Exit code: 0 clean, 1 errors (or more warnings than --max-warnings), 2 usage or I/O error.`,
  preview: `Usage: alertcfg preview FILE [options]

Prints the exact HTTP request(s) an action would send, secrets masked. Nothing is
sent. A secret or credential that is not set is shown as <unset: VARIABLE>, and a
note lists what is missing.

Options:
      --action ACTION      send, push, clear, apply or replay (default: the resource's main action)
      --channel CHANNEL    dingtalk, lark, wecom or webhook (a Contact's channel to send to)
  -m, --message TEXT       the test message (default: the configured messageTemplate)
      --url URL            replay: the receiver (default: target.url)
      --curl               print curl commands that run as printed: secrets come from the
                           environment variables the CLI reads ("$ALERTCFG_SECRET_NAME")
${ACTION_OPTIONS}
  -h, --help               show this help

${SECRETS}

Exit code: 0 when the request could be built, 2 when it could not.`,
  send: `Usage: alertcfg send FILE [options]

Sends a test message: a Contact's DingTalk, Lark, WeCom or generic webhook channel,
or a ZStack DingTalk connection test. Signed when a secret is set.

Options:
      --channel CHANNEL    dingtalk, lark, wecom or webhook (default: the Contact's first)
  -m, --message TEXT       the message (default: the configured messageTemplate)
      --dry-run            print the request instead of sending it (as preview does)
${ACTION_OPTIONS}
  -h, --help               show this help

${SECRETS}

${SENDS}`,
  push: `Usage: alertcfg push FILE [options]

Pushes an EventReport's events and alarms to Huawei Cloud AOM.

Options:
      --dry-run            print the request instead of sending it
${ACTION_OPTIONS}
  -h, --help               show this help

${SECRETS}

${SENDS}`,
  clear: `Usage: alertcfg clear FILE [options]

Clears an EventReport's events and alarms in Huawei Cloud AOM (?action=clear); an
event without ends_at is cleared as of now. On a terminal it asks first.

Options:
  -y, --yes                do not ask for confirmation
      --dry-run            print the request instead of sending it
${ACTION_OPTIONS}
  -h, --help               show this help

${SECRETS}

${SENDS}`,
  apply: `Usage: alertcfg apply FILE [options]

Creates the resource: a Contact with Volcengine CreateContact, a
KeyOperationNotification with Huawei Cloud CTS. On a terminal it asks first.

Options:
  -y, --yes                do not ask for confirmation
      --dry-run            print the request instead of sending it
${ACTION_OPTIONS}
  -h, --help               show this help

${SECRETS}

${SENDS}`,
  replay: `Usage: alertcfg replay FILE [options]

POSTs an AlarmCallback payload to the receiver as Tencent Cloud would and checks
its {sessionId, retCode: 0} acknowledgement (up to 3 attempts of 5 s).

Options:
      --url URL            the receiver (default: target.url)
      --dry-run            print the request instead of sending it
${ACTION_OPTIONS}
  -h, --help               show this help

${SECRETS}

${SENDS}`,
  schema: `Usage: alertcfg schema [KIND]

Prints a kind's JSON Schema, or the envelope schema without a kind.
Kinds: Contact, AlarmCallback, DingTalkTestConnection, KeyOperationNotification, EventReport.

Options:
  -h, --help               show this help`,
  init: `Usage: alertcfg init [KIND...] [--name NAME]

Prints a new resource pre-filled from the vendor doc's example (every kind without
a KIND), with secrets as references.

Options:
      --name NAME          metadata.name of the new resource
  -h, --help               show this help`,
};

/** One command's usage; the whole usage for an unknown one. */
export function usageOf(command: string): string {
  return COMMANDS[command] ?? USAGE;
}

/** True when the arguments ask for help (`-h` or `--help` before a `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(argv: string[], options: Options): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | string[] | undefined>, positionals: r.positionals };
  } catch (err) {
    throw new UsageError(parseMessage(err, options));
  }
}

/** parseArgs' message, shortened; a value that starts with `-` (`--doc -1`) is named as the option's own error. */
function parseMessage(err: unknown, options: Options): string {
  const message = err instanceof Error ? err.message : String(err);
  // Node words it "Option '--doc' ...", "Option '-d' ..." or "Option '-d, --doc <value>' ...".
  const ambiguous = /^Option '(?:-(\w), )?-(-[\w-]+|\w)(?: <value>)?' argument is ambiguous/.exec(message);
  if (ambiguous) {
    const given = ambiguous[2]!;
    const name = given.startsWith('-') ? given.slice(1) : (Object.entries(options).find(([, o]) => o.short === given)?.[0] ?? given);
    return VALUE_HINTS[name] ?? `--${name} takes a value; to give one that starts with "-", write --${name}=VALUE.`;
  }
  return message.replace(/\. To specify.*$/s, '.');
}

/** What an option takes, for the messages of values it refuses. */
export const VALUE_HINTS: Record<string, string> = {
  doc: '--doc takes a resource index (0, 1, …).',
  'max-warnings': '--max-warnings takes a whole number (0, 1, …).',
};
