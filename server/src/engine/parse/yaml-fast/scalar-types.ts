/**
 * Plain scalars in the fast YAML path: which characters may start one, and what a
 * plain scalar means under the YAML 1.2 core schema (null, boolean, number or
 * string), exactly as the `yaml` package resolves it.
 */
import type { Scalar } from '../tree';
import { COLON, COMMA, DASH, DQ, HASH, LBRACE, LBRACK, NL, RBRACE, RBRACK, SPACE, SQ } from './chars';

/** Whether a plain scalar may start with `c` (followed by `next`) in block context. */
export function plainStart(c: number, next: number): boolean {
  switch (c) {
    case DASH:
    case 63: // ?
    case COLON:
      // Allowed when followed by a "safe" non-space character.
      return next === next && next !== SPACE && next !== NL && !Number.isNaN(next);
    case COMMA:
    case LBRACK:
    case RBRACK:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case SQ:
    case DQ:
    case 37: // %
    case 64: // @
    case 96: // `
    case SPACE:
    case NL:
      return false;
    default:
      return !Number.isNaN(c);
  }
}

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function resolvePlain(s: string): Scalar {
  const c = s.charCodeAt(0);
  // Most values are words: only these first characters can start a null, bool or number.
  if (c === 126 /* ~ */ || c === 110 /* n */ || c === 78 /* N */) return NULL_RE.test(s) ? null : s;
  if (c === 116 /* t */ || c === 84 /* T */ || c === 102 /* f */ || c === 70 /* F */) return BOOL_RE.test(s) ? s.charCodeAt(0) === 116 || s.charCodeAt(0) === 84 : s;
  if (!((c >= 48 && c <= 57) || c === 43 /* + */ || c === 45 /* - */ || c === 46 /* . */)) return s;
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s)) return parseFloat(s);
  if (FLOAT.test(s)) return parseFloat(s);
  return s;
}
