/**
 * What a client shares with the server beyond the wire names: the kinds (for a
 * "new file" picker), the settings' definitions (which settings to pass on) and the
 * masking of secrets (the same masks in the client's trace as in the server's
 * output). They live in the engine; a client takes them from here, so it depends
 * on the protocol alone and never on the engine's layout.
 */
export { KINDS, KIND_INFO, type Kind, type KindInfo } from '../engine/model/kinds';
export { SETTING_DEFINITIONS, type SettingDefinition } from '../engine/config/settings';
export { Masker, maskValue } from '../engine/actions/mask';
