/**
 * The text of server/src/engine/vendors/table.generated.ts: each vendor's
 * credentials (provider, forms, fields with their labels and environment
 * variables), for adapters that must not load the engine's vendor modules (the VS
 * Code client). `npm run schemas` writes it; a test keeps it equal.
 */
import { credentialSpecs } from '../../server/src/engine/vendors/index';

export function credentialTableSource(): string {
  return [
    '// Generated from the vendors registry (server/src/engine/vendors/) by `npm run schemas`;',
    '// test/unit/vendors/credential-table.test.ts keeps it equal. Do not edit.',
    '',
    '/** The credentials each vendor takes, for adapters that must not load the vendor modules (the VS Code client). */',
    `export const CREDENTIAL_TABLE = ${JSON.stringify(credentialSpecs(), null, 2)} as const;`,
    '',
  ].join('\n');
}
