/**
 * CodeLens above each resource: Preview, and the actions its kind offers (Send per
 * channel of a Contact). The lenses name the server's own commands, so any LSP
 * client can run them; the VS Code client adds confirmation and progress around them.
 */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { Command } from '../protocol/index';
import type { ServerContext } from './context';
import { listActions } from './resource-commands';
import { safe } from './safe';

const TITLES = { send: 'Send test message', push: 'Push events', clear: 'Clear events', apply: 'Apply', replay: 'Replay callback' } as const;
const CHANNEL_LABELS: Record<string, string> = { dingtalk: 'DingTalk', lark: 'Lark', wecom: 'WeCom', webhook: 'Webhook' };

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(
    safe(ctx.logger, 'codeLens', [] as CodeLens[], async (params: CodeLensParams) => {
      const analysis = await ctx.analyses.analysisFor(params?.textDocument?.uri);
      if (!analysis || analysis.mode !== 'resource') return [];
      const uri = analysis.doc.uri;
      const lenses: CodeLens[] = [];
      for (const r of listActions(analysis.file, analysis.doc.lines())) {
        const range = { start: r.range!.start, end: r.range!.start };
        const ref = { uri, documentIndex: r.documentIndex };
        lenses.push({ range, command: { title: 'Preview request', command: Command.preview, arguments: [ref] } });
        for (const action of r.actions) {
          if (action === 'send' && r.channels && r.channels.length > 1) {
            for (const channel of r.channels) lenses.push({ range, command: { title: `Send to ${CHANNEL_LABELS[channel] ?? channel}`, command: Command.send, arguments: [{ ...ref, channel }] } });
          } else {
            lenses.push({ range, command: { title: TITLES[action], command: Command[action], arguments: [ref] } });
          }
        }
      }
      return lenses;
    }),
  );
}
