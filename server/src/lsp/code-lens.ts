/**
 * CodeLens above each resource: its state in the last GitOps plan, when one was
 * made (sync-lens.ts), Preview, and the actions its kind offers (Send per channel
 * of a Contact). The lenses name the server's own commands, so any LSP client can
 * run them; the VS Code client adds confirmation and progress around them.
 */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { type VerbId, actionableResources, verb } from '../engine/index';
import { Command } from '../protocol/index';
import type { ServerContext } from './context';
import { listActions } from './resource-commands';
import { safe } from './safe';
import { stateLens } from './sync-lens';

const CHANNEL_LABELS: Record<string, string> = { dingtalk: 'DingTalk', lark: 'Lark', wecom: 'WeCom', webhook: 'Webhook' };

/** A verb's lens title (the verbs table's label): `Send test message`, or in Simplified Chinese. */
function title(id: VerbId, zh: boolean): string {
  const label = verb(id)!.label;
  return zh ? label.zh : label.en.replace(/ (\w)/g, (_m, c: string) => ` ${c.toLowerCase()}`);
}

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(
    safe(ctx.logger, 'codeLens', [] as CodeLens[], async (params: CodeLensParams) => {
      const analysis = await ctx.analyses.analysisFor(params?.textDocument?.uri);
      if (!analysis || analysis.mode !== 'resource') return [];
      const uri = analysis.doc.uri;
      const lenses: CodeLens[] = [];
      const zh = ctx.client.locale === 'zh-cn';
      const key = ctx.workspace.paths.canonical(uri);
      const bodies = ctx.syncStates.has(key) ? new Map(actionableResources(analysis.file).map((t) => [t.documentIndex, t])) : undefined;
      for (const r of listActions(analysis.file, analysis.doc.lines())) {
        const range = { start: r.range!.start, end: r.range!.start };
        const ref = { uri, documentIndex: r.documentIndex };
        const state = bodies && ctx.syncStates.stateOf(key, r.documentIndex);
        if (state && state.kind === r.kind) lenses.push(stateLens(range, uri, state, ctx.client.locale, bodies!.get(r.documentIndex)?.body));
        lenses.push({ range, command: { title: title('preview', zh), command: Command.preview, arguments: [ref] } });
        for (const action of r.actions) {
          if (action === 'send' && r.channels && r.channels.length > 1) {
            for (const channel of r.channels) lenses.push({ range, command: { title: `${zh ? '发送到' : 'Send to'} ${CHANNEL_LABELS[channel] ?? channel}`, command: Command.send, arguments: [{ ...ref, channel }] } });
          } else {
            lenses.push({ range, command: { title: title(action, zh), command: Command[action], arguments: [ref] } });
          }
        }
      }
      return lenses;
    }),
  );
}
