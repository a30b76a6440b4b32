/**
 * The engine's public surface. Pure: no file system, network, LSP or VS Code;
 * the CLI, the language server and the extension adapt it.
 */
export * from './check';
export { ENVELOPE_SCHEMA, bodySchema, schemaFile, schemaFiles } from './schema/registry';
export { templateFor, exampleBody } from './templates';
export { DocumentCache, type Analysed } from './cache';
export { actionsFor, channelsFor, type ActionName } from './actions/available';
export { contactChannels } from './kinds/contact';
export { kindActions, registerKindActions } from './kinds/actions/index';
export type { KindActions } from './kinds/types';
export { CHANNELS, CHANNEL_NAMES, type Channel, type ChannelInfo } from './webhooks/channels';
export * from './actions/plan';
export type { OutgoingRequest, HttpMethod } from './http/request';
export { PURE_CRYPTO, type CryptoPort, type BinaryLike } from './crypto/port';
export { planAction, type ActionInput, type ActionPlan, type MissingValue, type CredentialSource } from './actions/build/index';
export { answerReader, credentialSpec, credentialSpecs, registerVendor, vendorModule, vendorModules, type AnswerReader, type CredentialField, type CredentialForm, type CredentialSpec, type VendorModule } from './vendors/index';
export { completeForm } from './vendors/credentials';
export { ACTION_NAMES, VERBS, isActionName, verb, type Label, type Verb, type VerbEffect, type VerbConfirm, type VerbId, type VerbScope, type WorkspaceVerbId } from './verbs';
export { interpret, replayNeedsRetry, type ActionReport, type ActionAttempt, type DeliveryResult } from './actions/report';
export { previewPlan, previewRequest, blockers, curlCommand, httpText, type Preview, type PreviewedRequest } from './actions/preview';
export { runnableCurl, type RunnableCurl } from './actions/curl';
export { referenceVariable, unsetMarker } from './actions/variables';
export { Masker, maskValue } from './actions/mask';
export { referencesIn, resolveReferences, secretEnvName, type SecretSource, type Reference } from './actions/references';
export { actionableResources, selectResource, type ActionTarget, type Selection } from './actions/resource';
export { renderTemplate } from './actions/messages';
export { schemaAt, propertiesOf, schemaRootFor, envelopeRoot, configSchemaRoot, typesOf, allowedValues, type Schema, type SchemaRoot, type SchemaAt, type PropertyInfo } from './schema/lookup';
export { localeOf, documentIndexAt, documentRange, schemaRootOf, type Locale, type AnalysedFile, type SchemaMode } from './features/common';
export { completionsAt, indentUnit, type CompletionEntry, type CompletionEntryKind, type CompletionOptions } from './features/completion';
export { hoverAt, localTime, type HoverOptions, type HoverResult } from './features/hover';
export { documentSymbols, type OutlineSymbol, type OutlineKind, type OutlineOptions } from './features/symbols';
export { foldingRanges, type FoldRange } from './features/folding';
export { selectionRangesAt } from './features/selection';
export { yamlSpotAt, type YamlSpot } from './features/yaml-context';
export { fixesFor, applyEdits, secretMoveFor, envNameFor, type Fix, type FixContext, type OffsetEdit, type SecretMove } from './fixes/index';
export * from './sync/index';
