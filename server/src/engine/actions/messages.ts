/**
 * The text of test messages: the configured template (`messageTemplate`) with the
 * resource's name, kind and the time filled in. Each bot's own message format is
 * in its vendor module (`vendors/dingtalk.ts`, …).
 */
export interface MessageVars {
  name: string;
  kind: string;
  time: Date;
}

/** `{name}`, `{kind}`, `{time}` (ISO UTC) in a template. */
export function renderTemplate(template: string, vars: MessageVars): string {
  // One pass with a function: a name containing `{kind}` or `$&` is inserted as written.
  const values: Record<string, string> = { name: vars.name, kind: vars.kind, time: vars.time.toISOString() };
  return template.replace(/\{(name|kind|time)\}/g, (_m, key: string) => values[key]!);
}
