/**
 * The language server in a web worker (VS Code for the Web: github.dev,
 * vscode.dev): the same features as `main.ts`, talking LSP over the worker's
 * `postMessage`, with the browser's ports (platform/browser.ts): files read
 * through the client, nothing sent.
 */
import { BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/browser';
import { browserPlatform } from './platform/browser';
import { startServer } from './server';

/** The worker's global scope, as much of it as the message reader and writer use. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, browserPlatform(connection, { error: (m) => connection.console.error(m), log: (m) => connection.console.log(m) }));
