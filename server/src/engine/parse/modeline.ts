/**
 * Modelines that associate a raw vendor body with a kind:
 *   # alertcfg: kind=Contact
 *   # yaml-language-server: $schema=./schemas/contact.schema.json
 * A modeline applies to the document it is in and to the documents after it.
 */
const ALERTCFG = /^[ \t]*#[ \t]*alertcfg:[ \t]*kind[ \t]*=[ \t]*([A-Za-z]+)/m;
const YLS = /^[ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=(\S+)/m;

export function readModelines(text: string): { kind?: string; schema?: string } {
  if (text.indexOf('#') === -1) return {};
  const k = ALERTCFG.exec(text);
  const s = YLS.exec(text);
  return { kind: k?.[1], schema: s?.[1] };
}
