/**
 * GitOps sync, the engine's part (docs/sync.md): collect the repository's
 * resources, plan against the live state read through an injected executor,
 * apply with bounded concurrency, import live resources as files, and present a
 * plan as text, JSON, Markdown or GitHub annotations. The CLI and the language
 * server adapt it; nothing here touches the network or the file system.
 */
export type {
  AbortLike,
  Change,
  ChangeAction,
  ChangeWork,
  CompareContext,
  DesiredResource,
  Executed,
  Executor,
  FieldChange,
  LiveResource,
  SecretNote,
  SecretState,
  SyncContext,
  SyncPlan,
  SyncRuntime,
  SyncScope,
  SyncSpec,
  SyncSummary,
} from './types';
export { SyncInternals } from './types';
export { desiredResources } from './desired';
export { planSync, hasChanges, matchesGlob, pruneGlobs, type PlanOptions } from './plan';
export { readScope, scopeOf, syncBuilder, type ScopeRead } from './read';
export { applySync, DEFAULT_CONCURRENCY, type ApplyOptions, type ApplyOutcome, type ApplyProgress, type ApplyReport, type OutcomeStatus } from './apply';
export { importedFiles, fileNameFor, type ImportedFile, type ImportedSecret, type ImportOptions } from './import';
export { retryAfterMs } from './retry-after';
export { planText } from './present/text';
export { planJson, planObject } from './present/json';
export { planMarkdown, PLAN_MARKER } from './present/markdown';
export { planAnnotations } from './present/github';
export { applyText } from './present/apply-text';
