// Types of config-validator.generated.js, which scripts/gen-validators.mjs writes at build
// time (standalone Ajv code for schemas/alertcfg-config.schema.json).
import type { ValidateFunction } from 'ajv';

export declare const config: ValidateFunction;
