// Types of validators.generated.js, which scripts/gen-validators.mjs writes at build time
// (standalone Ajv code for schemas/*.json).
import type { ValidateFunction } from 'ajv';

/** The envelope without its per-kind dispatch: apiVersion, kind (a string), metadata, target and spec (objects), action. */
export declare const core: ValidateFunction;
/** Body validators by kind (each body schema's `x-kind`). */
export declare const bodies: Readonly<Record<string, ValidateFunction | undefined>>;
/** Target validators by kind (each body schema's `x-target`). */
export declare const targets: Readonly<Record<string, ValidateFunction | undefined>>;
