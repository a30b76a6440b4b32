/**
 * Masking of the language client's log and message trace. With the trace on,
 * vscode-languageclient prints every JSON-RPC message, among them the client's
 * answers to `alertcfg/getSecrets` and `alertcfg/getCredentials` and the server's
 * `alertcfg/storeSecret` request, which carry secret values. Everything bound for
 * the output channel passes through `TraceMasker.mask` first.
 *
 * Three rules, each enough on its own for the case it covers:
 * - every value the client handed to the server (registered by the secret store) is
 *   masked wherever it occurs, raw and in the forms a trace prints it in: JSON-escaped
 *   (once, or twice when a traced string holds JSON), with non-ASCII as `\uXXXX`, and
 *   URL-encoded. Values of 4 characters or more are masked as substrings, the engine's
 *   own threshold (a trivially common one, `true`, then garbles the trace: leaking is
 *   worse); shorter ones only where they are a whole JSON string (`"ab"`), since as
 *   substrings they would hit nearly every line of a trace;
 * - a message naming one of the secret-bearing methods has the value of every JSON
 *   member masked, except the members that only name things (method, provider, the
 *   secret's name): this covers `alertcfg/storeSecret`, which is traced before the
 *   client has seen its value;
 * - the engine's own rules (`Masker`): tokens in bot URLs (`access_token=`, `key=`,
 *   `sign=`…), the Lark hook path and JSON secret fields (`"token"`, so LSP progress
 *   tokens too), masked by their place.
 *
 * Masks follow the engine's style (`SEC****cd`, or `****`) and never contain `"` or
 * `\`, so a masked JSON text stays valid. No `vscode` import: this runs under plain
 * node in the unit tests.
 */
import { Masker, maskValue } from '../../server/src/protocol/shared';
import { ClientRequest } from '../../server/src/protocol/index';

/** Where the secret store reports the values it hands out. */
export interface SecretSink {
  /** Registers every string found in `value` (a string, or an object or array holding strings). */
  register(value: unknown): void;
}

/** Values shorter than this are masked only as whole JSON strings (the engine's `Masker` threshold). */
export const SUBSTRING_MIN = 4;

const SECRET_METHODS = [ClientRequest.getSecrets, ClientRequest.getCredentials, ClientRequest.storeSecret];
const NAMES_SECRET_METHOD = new RegExp(SECRET_METHODS.map((m) => m.replace(/\//g, '\\/')).join('|'));
/** `"key": "value"` in JSON text; groups: the key and separator, the value. */
const JSON_STRING_MEMBER = /("((?:[^"\\]|\\.)*)"\s*:\s*")((?:[^"\\]|\\.)*)(?=")/g;
/** Members of those messages that name things rather than hold secrets (JSON-RPC envelope, JSON trace format, params). */
const PUBLIC_MEMBERS = new Set(['jsonrpc', 'method', 'type', 'name', 'provider']);

/** The text of `s` inside a JSON string, as JSON.stringify writes it. */
const jsonEscape = (s: string) => JSON.stringify(s).slice(1, -1);
/** The same with every non-ASCII code unit as `\uXXXX`, as ASCII-only JSON writers print it. */
const asciiEscape = (s: string, upper: boolean) =>
  jsonEscape(s).replace(/[\u007f-\uffff]/g, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });
/** A mask safe inside JSON text. */
const safeMask = (v: string) => maskValue(v).replace(/[\\"\r\n]/g, '*');

export class TraceMasker implements SecretSink {
  private readonly known = new Masker();
  private readonly seen = new Set<string>();
  /** Whole-JSON-string forms of the short values, longest first: `"ab"` and `\"ab\"`. */
  private shortForms: string[] = [];
  /** Registered values holding a line break: the only ones a line-by-line writer could cut in two. */
  private multiLine: string[] = [];

  register(value: unknown): void {
    if (typeof value === 'string') this.add(value);
    else if (Array.isArray(value)) for (const v of value) this.register(v);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) this.register(v);
  }

  private add(value: string): void {
    if (!value || this.seen.has(value)) return;
    this.seen.add(value);
    if (value.includes('\n')) this.multiLine.push(value);
    if (value.length < SUBSTRING_MIN) {
      const forms = new Set<string>();
      for (const e of [jsonEscape(value), asciiEscape(value, false), asciiEscape(value, true)]) {
        forms.add(`"${e}"`);
        forms.add(`\\"${jsonEscape(e)}\\"`);
      }
      this.shortForms = [...new Set([...this.shortForms, ...forms])].sort((a, b) => b.length - a.length);
      return;
    }
    // Masker.add takes the raw value, its URL-encoded and its JSON-escaped forms; adding
    // the escaped forms too gives the doubly escaped and the ASCII-escaped ones.
    this.known.add(value).add(jsonEscape(value)).add(asciiEscape(value, false)).add(asciiEscape(value, true));
  }

  mask(text: string): string {
    let out = NAMES_SECRET_METHOD.test(text) ? maskMembers(text) : text;
    out = this.known.mask(out);
    for (const f of this.shortForms) if (out.includes(f)) out = out.split(f).join(f.startsWith('\\') ? '\\"****\\"' : '"****"');
    return out;
  }

  /**
   * How much of `pending` (text written piecewise and not yet shown) may be masked and
   * shown now: whole lines only, so no value is cut at the end; and never up to a line
   * break inside something that may be a registered multi-line value, which stays
   * pending until it is whole.
   */
  flushable(pending: string): number {
    let cut = pending.lastIndexOf('\n') + 1;
    for (let moved = true; moved && cut > 0; ) {
      moved = false;
      for (const v of this.multiLine) {
        for (let s = Math.max(0, cut - v.length + 1); s < cut; s++) {
          if (v.startsWith(pending.slice(s, s + v.length))) {
            // Back to the start of the line where the value may begin: the cut stays between lines.
            cut = s === 0 ? 0 : pending.lastIndexOf('\n', s - 1) + 1;
            moved = true;
            break;
          }
        }
      }
    }
    return cut;
  }
}

/** Masks the value of every JSON string member except the public ones. */
function maskMembers(text: string): string {
  return text.replace(JSON_STRING_MEMBER, (m, head: string, key: string, value: string) =>
    PUBLIC_MEMBERS.has(key) || value === '' ? m : head + safeMask(value),
  );
}
