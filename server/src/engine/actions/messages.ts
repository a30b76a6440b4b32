/**
 * Test messages for bots, in each vendor's own format (research.md §A–C):
 * DingTalk `text`/`markdown` with `at`, whose text must contain `@<mobile>` for
 * each mobile it mentions; Lark `text` with `<at user_id="...">`; WeCom `text` with
 * `mentioned_list`/`mentioned_mobile_list`; a generic webhook JSON document.
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

export interface DingTalkAt {
  atMobiles?: string[];
  atUserIds?: string[];
  isAtAll?: boolean;
}

/** Appends `@<mobile>` / `@<userId>` for every mention the text lacks: DingTalk ignores mentions not in the text. */
function withMentions(text: string, at: DingTalkAt): string {
  const missing = [...(at.atMobiles ?? []), ...(at.atUserIds ?? [])].filter((m) => !text.includes(`@${m}`));
  return missing.length ? `${text} ${missing.map((m) => `@${m}`).join(' ')}` : text;
}

function cleanAt(at: DingTalkAt): DingTalkAt | undefined {
  const out: DingTalkAt = {};
  if (at.atMobiles?.length) out.atMobiles = at.atMobiles;
  if (at.atUserIds?.length) out.atUserIds = at.atUserIds;
  if (at.isAtAll) out.isAtAll = true;
  return Object.keys(out).length ? out : undefined;
}

export function dingtalkText(text: string, at: DingTalkAt = {}): Record<string, unknown> {
  const a = cleanAt(at);
  return { msgtype: 'text', text: { content: a ? withMentions(text, a) : text }, ...(a ? { at: a } : {}) };
}

export function dingtalkMarkdown(title: string, text: string, at: DingTalkAt = {}): Record<string, unknown> {
  const a = cleanAt(at);
  return { msgtype: 'markdown', markdown: { title, text: a ? withMentions(text, a) : text }, ...(a ? { at: a } : {}) };
}

export function larkText(text: string, mention: { userIds?: string[]; all?: boolean } = {}): Record<string, unknown> {
  const tags = [...(mention.all ? ['<at user_id="all">所有人</at>'] : []), ...(mention.userIds ?? []).map((id) => `<at user_id="${id}"></at>`)];
  return { msg_type: 'text', content: { text: tags.length ? `${text} ${tags.join(' ')}` : text } };
}

export function wecomText(text: string, mention: { userIds?: string[]; mobiles?: string[] } = {}): Record<string, unknown> {
  return {
    msgtype: 'text',
    text: {
      content: text,
      ...(mention.userIds?.length ? { mentioned_list: mention.userIds } : {}),
      ...(mention.mobiles?.length ? { mentioned_mobile_list: mention.mobiles } : {}),
    },
  };
}

/** What a generic webhook receives: a small self-describing JSON document. */
export function webhookPayload(text: string, vars: MessageVars): Record<string, unknown> {
  return { source: 'alertcfg', type: 'test', kind: vars.kind, name: vars.name, message: text, time: vars.time.toISOString() };
}
