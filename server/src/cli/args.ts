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
plan shows what apply would change in the cloud (Contact, KeyOperationNotification);
apply makes the cloud match the repository; import writes files from the cloud.
alertcfg COMMAND --help shows one command's options.`;

export const USAGE = `Usage:
  alertcfg validate [PATH|GLOB...] [--format text|json|sarif|github] [--max-warnings N] [--config FILE] [--verbose]
  alertcfg preview FILE [--doc N] [--action send|push|clear|apply|replay] [--via cloud] [--curl] [--json]
  alertcfg send FILE [--doc N] [--channel dingtalk|lark|wecom|webhook] [--via cloud] [--message TEXT] [--dry-run] [--json]
  alertcfg push FILE | clear FILE [--doc N] [--yes] [--json]
  alertcfg replay FILE [--doc N] [--url URL] [--json]
      (all: [--config FILE] [--secrets-file FILE])
  alertcfg plan [PATH...] [--format text|json|markdown|github] [--prune] [--detailed-exitcode]
  alertcfg apply [PATH...] [--yes] [--prune] [--doc N] [--concurrency N] [--dry-run] [--json]
      (both: [--config FILE] [--secrets-file FILE])
  alertcfg import --kind Contact|KeyOperationNotification --region R [--project P] [--endpoint URL] [--name GLOB] [--out DIR]
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
      --via cloud          send: the request that asks Volcengine VMP to send the test
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

With --via cloud, Volcengine VMP sends the test itself (TestDingTalkBotWebhook,
TestLarkBotWebhook, TestWeComBotWebhook, TestWebhook) and says what the bot answered:
this proves that the cloud, not only this machine, reaches the bot (an IP-restricted
DingTalk robot fails from a laptop and passes from the cloud). Needs the Volcengine
credentials and the Contact's target (region, endpoint).

Options:
      --channel CHANNEL    dingtalk, lark, wecom or webhook (default: the Contact's first)
      --via cloud          ask Volcengine VMP to send the test (default: direct, from here)
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
  plan: `Usage: alertcfg plan [PATH...] [options]

Shows what apply would change in the cloud for every Contact (Volcengine VMP) and
KeyOperationNotification (Huawei Cloud CTS) under the paths (default: .): create,
update (each differing field: live and desired value, secrets masked), unchanged,
and live resources the repository does not have (unmanaged, or delete with --prune).
The live state is read in one paginated sweep per region (and project, endpoint);
resources are matched by Name / notification_name. Nothing is written. A secret
the API does not return is "not readable; sent again on apply", never a change.
Validation errors stop the plan before any request.

Options:
  -f, --format FORMAT      text (default), json, markdown (a pull-request comment) or
                           github (workflow annotations on each resource's line)
      --prune              show as delete the live resources that are not in the repository
                           and match a sync.prune glob of .alertcfg.yaml
      --detailed-exitcode  exit 3 when there are changes to apply
  -c, --config FILE        the configuration (default: the nearest .alertcfg.yaml)
      --secrets-file FILE  a dotenv file of secrets (NAME=value or ALERTCFG_SECRET_NAME=value)
  -h, --help               show this help

${SECRETS}
A secret that is not set is not compared (the plan works without the bots' secrets).

Exit code: 0 whether or not there are changes, 1 on any error (validation, a list
that failed, credentials not set), 3 with --detailed-exitcode when changes are
pending, 2 on a usage error.`,
  apply: `Usage: alertcfg apply [PATH...] [options]

Makes the cloud match the repository for every Contact and KeyOperationNotification
under the paths (default: .): plans as alertcfg plan does, shows the plan, asks
once on a terminal, then creates (Volcengine CreateContact, CTS POST), updates
(UpdateContact with every channel, CTS PUT) and, with --prune, deletes. Applying
the same repository again sends no write. One resource's failure does not stop the
others; a rerun converges.

Nothing is deleted unless --prune is given and the name matches a glob under
sync.prune in .alertcfg.yaml, per kind:
  sync: { prune: { Contact: ["team-a-*"], KeyOperationNotification: ["gitops-*"] } }

Options:
  -y, --yes                do not ask for confirmation
      --prune              delete live resources that are not in the repository and match a sync.prune glob
  -d, --doc N              only the resource with this index in FILE (one FILE)
      --concurrency N      writes in flight at once (default 4)
      --dry-run            show the plan; send no write
      --json               print the plan and the outcome as JSON
  -c, --config FILE        the configuration (default: the nearest .alertcfg.yaml)
      --secrets-file FILE  a dotenv file of secrets (NAME=value or ALERTCFG_SECRET_NAME=value)
  -h, --help               show this help

${SECRETS}

Exit code: 0 when the cloud matches (nothing failed), 1 when anything failed or
could not be planned (validation errors included), 2 on a usage error.`,
  import: `Usage: alertcfg import --kind KIND --region REGION [options]

Reads the live resources of one kind and region (one paginated sweep) and writes one
envelope file per resource into --out (default: .), named after the resource. An
existing file is never overwritten. Every secret becomes a \${secret:<name>-<field>}
reference, and the output says which secrets to store; the files validate clean and
a following plan reports them unchanged.

Options:
  -k, --kind KIND          Contact (Volcengine VMP) or KeyOperationNotification (Huawei Cloud CTS)
  -r, --region REGION      the region (default: defaults.region)
  -p, --project ID         the Huawei Cloud project (KeyOperationNotification; default: defaults.projectId)
      --endpoint URL       the API's base URL (default: the vendor's public endpoint)
  -n, --name GLOB          only resources whose name matches the glob
  -o, --out DIR            where to write the files (default: .)
  -c, --config FILE        the configuration (default: the nearest .alertcfg.yaml)
  -h, --help               show this help

Credentials from HUAWEICLOUD_SDK_AK/_SK (or _TOKEN) and VOLCENGINE_ACCESS_KEY/_SECRET_KEY.

Exit code: 0 when every file was written or kept, 1 when the cloud could not be read
or a file could not be written, 2 on a usage error.`,
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
