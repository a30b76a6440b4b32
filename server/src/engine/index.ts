/**
 * The engine's public surface. Pure: no file system, network, LSP or VS Code;
 * the CLI, the language server and the extension adapt it.
 */
export * from './model/finding';
export * from './model/kinds';
export * from './parse/document';
export * from './parse/tree';
export { parseSource, detectFormat, formatForPath } from './parse/source';
export { toValue } from './parse/value';
export { analyseDocument, type DocumentResult, type ResourceSummary } from './analyse';
export { validateText, finishFindings, shift, type FileOptions, type FileResult } from './validate';
export { workspaceFindings, type FileSummaries } from './workspace';
export { applySuppressions, codeMatches } from './suppress';
export { CATALOG, codeDoc, codeAnchor, defaultSeverity } from './rules/catalog';
export type { CodeDoc } from './rules/types';
export * from './config/settings';
export { parseConfigFile, CONFIG_FILE_NAMES } from './config/config-file';
export { SCHEMA_FILES, bodySchema } from './schema/registry';
export { LineIndex, type Position } from './text/line-index';
export { decodeFile, type Decoded } from './text/decode';
export { templateFor, exampleBody } from './templates';
export { kindForPath } from './config/associations';
export { DocumentCache, type Analysed } from './cache';
export { actionsFor, contactChannels, type ActionName } from './actions/available';
export { CHANNELS, type Channel, type ChannelInfo } from './webhooks/channels';
export * from './actions/plan';
export type { OutgoingRequest, HttpMethod } from './http/request';
