/**
 * New resources pre-filled from the vendor doc's own example (kept in each body
 * schema's `examples`), wrapped in the envelope, with secrets as references.
 */
import { stringify } from 'yaml';
import { API_VERSION, KIND_INFO, type Kind } from './model/kinds';
import { bodySchema } from './schema/registry';

const TARGETS: Record<Kind, Record<string, string>> = {
  Contact: { region: 'cn-beijing' },
  AlarmCallback: { url: 'http://127.0.0.1:8080/alarm-callback' },
  DingTalkTestConnection: {},
  KeyOperationNotification: { region: 'cn-north-7', projectId: '<project-id>' },
  EventReport: { region: 'cn-north-4', projectId: '<project-id>' },
};

/** The doc example of a kind's body, with literal secrets replaced by references. */
export function exampleBody(kind: Kind): Record<string, unknown> {
  const examples = bodySchema(kind)['examples'];
  const first = Array.isArray(examples) ? examples[examples.length - 1] : {};
  const body = JSON.parse(JSON.stringify(first ?? {})) as Record<string, unknown>;
  if (kind === 'Contact') {
    const set = (obj: string, key: string, v: string) => {
      const o = body[obj] as Record<string, unknown> | undefined;
      if (o) o[key] = v;
    };
    set('Webhook', 'Token', '${secret:webhook-token}');
    set('LarkBotWebhook', 'SecretKey', '${secret:lark-secret}');
    set('DingTalkBotWebhook', 'SecretKey', '${secret:dingtalk-secret}');
  }
  return body;
}

export function templateFor(kind: Kind, name = `my-${kind.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}`): string {
  const target = TARGETS[kind];
  const doc: Record<string, unknown> = { apiVersion: API_VERSION, kind, metadata: { name } };
  if (Object.keys(target).length) doc['target'] = target;
  doc['spec'] = exampleBody(kind);
  return `# ${KIND_INFO[kind].title} — ${KIND_INFO[kind].vendor}\n${stringify(doc, { lineWidth: 0 })}`;
}
