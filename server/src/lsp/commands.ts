/**
 * `workspace/executeCommand`: a table of handlers by command id (protocol
 * module). Each feature adds its own commands to the table the server made.
 */
import type { CancellationToken, Connection, ExecuteCommandParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import { type Logger, safe } from './safe';

/** A command's handler: its arguments, the request's cancellation, and its work-done progress (a no-op unless the client sent a `workDoneToken`). */
export type CommandHandler = (args: readonly unknown[], token: CancellationToken, progress: WorkDoneProgressReporter) => unknown;

export class CommandTable {
  private readonly handlers = new Map<string, CommandHandler>();

  /** Adds (or replaces) the handler of a command id; returns a function that removes it. */
  register(id: string, handler: CommandHandler): () => void {
    this.handlers.set(id, handler);
    return () => {
      if (this.handlers.get(id) === handler) this.handlers.delete(id);
    };
  }

  /** Answers `workspace/executeCommand` from the table. */
  listen(connection: Connection, logger: Logger): void {
    connection.onExecuteCommand(
      safe(logger, 'executeCommand', null, async (params: ExecuteCommandParams, token: CancellationToken, progress: WorkDoneProgressReporter) => {
        const id = typeof params?.command === 'string' ? params.command : '';
        const handler = this.handlers.get(id);
        if (!handler) {
          logger.log(`alertcfg: the command ${id || '(none)'} is not available in this server.`);
          return null;
        }
        const args = Array.isArray(params.arguments) ? params.arguments : [];
        return (await handler(args, token, progress)) ?? null;
      }),
    );
  }
}
