/**
 * The part of the engine's public surface that checking files needs: parsing,
 * recognition, validation, findings and their catalog, settings and the
 * configuration file, which files are checked, and the workspace-wide rules.
 * `alertcfg validate` imports this and nothing else of the engine, so its
 * bundle holds no editor features, quick fixes, request building or signing
 * (see docs/architecture.md, "What loads when"); `index.ts` re-exports it with
 * the rest.
 */
export * from './model/finding';
export * from './model/kinds';
export * from './parse/document';
export * from './parse/tree';
export { parseSource, detectFormat, formatForPath } from './parse/source';
export { toValue } from './parse/value';
export { analyseDocument, type DocumentResult, type ResourceSummary } from './analyse';
export { validateText, summariseText, finishFindings, shift, type FileOptions, type FileResult, type FileSummary } from './validate';
export { DEFAULT_TIME_BUDGET_MS, yamlDocumentCut, type TimeBudget, type DocumentCut } from './limits';
export { workspaceFindings, type FileSummaries } from './workspace';
export { applySuppressions, codeMatches } from './suppress';
export { CATALOG, codeDoc, codeAnchor, defaultSeverity } from './rules/catalog';
export type { CodeDoc } from './rules/types';
export * from './config/settings';
export { parseConfigFile, CONFIG_FILE_NAMES } from './config/config-file';
export { isKind, kindForSchemaRef, kindModule, kindModules, kindNames, registerKind, type KindModule } from './kinds/index';
export { LineIndex, type Position } from './text/line-index';
export { decodeFile, type Decoded } from './text/decode';
export { whyNotOurs, type NotOurs } from './recognise/not-ours';
export { kindForPath } from './config/associations';
export { findConfigFile, type ConfigFolders, type ConfigSearch, type FoundConfig } from './config/config-search';
export { ALWAYS_SKIPPED_FOLDERS, checkedWhenOpen, createFileSelection, type FileSelection, type SelectionRules, type SkipReason, type Verdict } from './files/selection';
export { selectedFiles, type FolderEntry, type ListFolder } from './files/walk';
