/**
 * The fast YAML path's shared constants: the signal to give up, the characters it
 * never handles, its limits, and the character codes it compares against.
 */

/** Thrown (never an Error: no stack is captured) when the text leaves the subset. */
export const BAIL = { bail: true };

// Characters that end the fast path at once: tabs and carriage returns (layout the
// fast path does not model), and the characters YAML does not allow unescaped.
// eslint-disable-next-line no-control-regex
export const UNSUPPORTED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

export const MAX_DEPTH = 64;
export const MAX_KEY = 1000;

export const NL = 10;
export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const DQ = 34;
export const SQ = 39;
export const LBRACK = 91;
export const RBRACK = 93;
export const LBRACE = 123;
export const RBRACE = 125;
export const COMMA = 44;
export const BACKSLASH = 92;
