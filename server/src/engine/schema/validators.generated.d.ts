// Types of validators.generated.js, which scripts/gen-validators.mjs writes at build time
// (standalone Ajv code for schemas/*.json).
import type { ValidateFunction } from 'ajv';

export declare const envelope: ValidateFunction;
export declare const Contact: ValidateFunction;
export declare const AlarmCallback: ValidateFunction;
export declare const DingTalkTestConnection: ValidateFunction;
export declare const KeyOperationNotification: ValidateFunction;
export declare const EventReport: ValidateFunction;
