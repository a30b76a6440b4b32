/**
 * `secret-in-plaintext`: a literal secret where a `${secret:NAME}` or `${env:NAME}`
 * reference belongs — bot signing secrets, webhook tokens, and the tokens inside
 * bot URLs (`access_token=`, `key=`, the Lark hook path).
 */
import type { Range } from '../model/finding';
import { type Node, type PathSegment, isString, nodeAt } from '../parse/tree';
import type { Rule, RuleContext } from './types';
import { isPlaintextSecret, tokenInUrl } from './values';

/** A field that holds a secret, or a URL with a secret token in it. */
export interface SecretField {
  path: PathSegment[];
  /** For URLs: where the token is (query parameter name, or undefined for the Lark hook path). */
  url?: { param: string | undefined };
  /** The last part of the secret name the quick fix suggests. */
  name: string;
}

/** `secret-in-plaintext` over the given fields of a body. */
export function secretRule(fields: readonly SecretField[]): Rule {
  return {
    codes: ['secret-in-plaintext'],
    check(ctx) {
      const prefix = secretPrefix(ctx);
      for (const f of fields) {
        const node = nodeAt(ctx.body, f.path);
        if (!isString(node)) continue;
        const suggestedName = `${prefix}${f.name}`;
        const field = f.path.join('.');
        if (f.url) {
          const t = tokenInUrl(node.value, f.url.param);
          if (!t || !isPlaintextSecret(t.token)) continue;
          ctx.report('secret-in-plaintext', within(ctx, node, t), `The token in ${field} is written in plain text. Move it into a secret and write \${secret:${suggestedName}} in its place.`, {
            path: [...ctx.resource.bodyPath, ...f.path],
            suggestedName,
            part: f.url.param ? `query:${f.url.param}` : 'path-token',
          });
        } else if (isPlaintextSecret(node.value)) {
          ctx.report('secret-in-plaintext', ctx.valueAt(f.path), `${field} is a secret written in plain text. Move it into a secret and write \${secret:${suggestedName}} instead.`, {
            path: [...ctx.resource.bodyPath, ...f.path],
            suggestedName,
            part: 'value',
          });
        }
      }
    },
  };
}

/** The resource's name as a prefix for suggested secret names. */
function secretPrefix(ctx: RuleContext): string {
  const name = nodeAt(ctx.root, ['metadata', 'name']);
  const raw = isString(name) ? name.value : '';
  const slug = raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug ? `${slug}-` : '';
}

/**
 * Range of a part of a scalar's value (offsets within the value) in the source text:
 * exact when the value is written out as it is, the whole scalar when quoting or
 * escapes change the text. Searching for the token alone could land on an equal
 * earlier parameter or inside an escape sequence.
 */
function within(ctx: RuleContext, node: Node & { value: string }, part: { start: number; end: number }): Range {
  const source = ctx.text.slice(node.start, node.end);
  const i = source.indexOf(node.value);
  return i < 0 ? { start: node.start, end: node.end } : { start: node.start + i + part.start, end: node.start + i + part.end };
}
