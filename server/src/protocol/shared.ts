/**
 * What a client shares with the server beyond the wire names: the kinds (for a
 * "new file" picker, generated from the kinds registry), the settings' definitions (which settings to pass on) and the
 * masking of secrets (the same masks in the client's trace as in the server's
 * output). They live in the engine; a client takes them from here, so it depends
 * on the protocol alone and never on the engine's layout.
 */
export { KIND_TABLE } from '../engine/kinds/table.generated';
export { SETTING_DEFINITIONS, type SettingDefinition } from '../engine/config/settings';
export { Masker, maskValue } from '../engine/actions/mask';
export { CREDENTIAL_TABLE } from '../engine/vendors/table.generated';
export { VERBS, type Label, type Verb, type VerbConfirm, type VerbEffect, type VerbScope } from '../engine/verbs';
