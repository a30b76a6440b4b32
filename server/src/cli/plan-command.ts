/**
 * `alertcfg plan [PATH...]`: what `apply` would change in the cloud, read from
 * the live state (one paginated sweep per scope) and compared resource by
 * resource. Prints text, JSON, a pull-request comment in Markdown, or GitHub
 * annotations. Exit 0 whether or not there are changes, 1 on any error (with
 * `--detailed-exitcode`, 3 when changes are pending), 2 on a usage error.
 */
import { hasChanges, planAnnotations, planJson, planMarkdown, planSync, planText } from '../engine/index';
import { UsageError, parse } from './args';
import type { ActionIo } from './action-commands';
import { loadDesired, syncContext, syncRuntime } from './sync-load';

const FORMATS = ['text', 'json', 'markdown', 'github'] as const;
type Format = (typeof FORMATS)[number];

export async function planCommand(argv: string[], io: ActionIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f', default: 'text' },
    prune: { type: 'boolean', default: false },
    'detailed-exitcode': { type: 'boolean', default: false },
    config: { type: 'string', short: 'c' },
    'secrets-file': { type: 'string' },
  });
  const format = values['format'] as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
  const loaded = loadDesired(positionals, io, values['config'] as string | undefined);
  if (loaded.stop) return loaded.stop;
  const ctx = syncContext(loaded.project, io, values['secrets-file'] as string | undefined);
  const plan = await planSync(loaded.desired, ctx, syncRuntime(loaded.project, io), { prune: values['prune'] === true });
  const print = { text: planText, json: planJson, markdown: planMarkdown, github: planAnnotations }[format];
  io.out(print(plan));
  // The annotations carry the problems; every other format says them on stderr too.
  if (format !== 'github') for (const p of plan.problems) io.err(`alertcfg: ${p}\n`);
  if (plan.problems.length) return 1;
  return values['detailed-exitcode'] === true && hasChanges(plan) ? 3 : 0;
}
