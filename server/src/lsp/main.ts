/**
 * `alertcfg-language-server`: the entry point. `--stdio` (the default) for any LSP
 * client, `--node-ipc` for the VS Code client; `--socket=PORT` and `--pipe=NAME` work too.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { nodePlatform } from './platform/node';
import { VERSION, startServer } from './server';

const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write('Usage: alertcfg-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n\nThe alertcfg language server (LSP). With no option it talks over stdio.\n');
  process.exit(0);
}
if (!argv.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) process.argv.push('--stdio');

// The server must outlive any bug: report it, keep serving.
process.on('uncaughtException', (err) => process.stderr.write(`alertcfg-language-server: ${err?.stack ?? String(err)}\n`));
process.on('unhandledRejection', (err) => process.stderr.write(`alertcfg-language-server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`));

startServer(createConnection(ProposedFeatures.all), nodePlatform());
