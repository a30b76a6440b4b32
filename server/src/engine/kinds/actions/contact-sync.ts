/**
 * GitOps sync of Volcengine VMP contacts (research-gitops.md §1, docs/sync.md):
 * one ListContacts sweep per region and endpoint (PageSize 100, `Total` trusted
 * over the page size a server may cap), matched by exact `Name`; UpdateContact
 * with the `Id` and all four channel blocks (an absent one as an empty Address,
 * since the API replaces them); DeleteContacts in batches, `NotFound.Ids` counting
 * as done; import with every secret as a `${secret:…}` reference.
 */
import { type PlanBuilder, obj } from '../../actions/build/context';
import { Diff, str, strList } from '../../sync/compare';
import type { CompareContext, LiveResource, SyncSpec } from '../../sync/types';
import { CHANNELS } from '../../webhooks/channels';
import { VOLCENGINE_ENDPOINT, volcengineCall, volcengineResult } from '../../vendors/volcengine';

const SERVICE = { service: 'vmp', version: '2021-03-03' } as const;

/** ListContacts' largest page (research-gitops.md §1.3). */
export const CONTACT_PAGE_SIZE = 100;

/** DeleteContacts ids per request. */
const DELETE_BATCH = 50;

/** Each channel block: its secret field, its lists, and how its URL token becomes a reference on import. */
const BLOCKS = {
  Webhook: { secret: 'Token', secretName: 'webhook-token', lists: [] as string[], token: undefined },
  LarkBotWebhook: { secret: 'SecretKey', secretName: 'lark-secret', lists: [], token: { name: 'lark-hook', pattern: /(\/open-apis\/bot\/v2\/hook\/)([^/?#\s]+)/ } },
  DingTalkBotWebhook: { secret: 'SecretKey', secretName: 'dingtalk-secret', lists: ['AtMobiles', 'AtUserIds'], token: { name: 'dingtalk-token', pattern: new RegExp(`([?&]${CHANNELS.dingtalk.tokenParam}=)([^&#\\s]+)`) } },
  WeComBotWebhook: { secret: undefined, secretName: '', lists: ['AtUserIds'], token: { name: 'wecom-key', pattern: new RegExp(`([?&]${CHANNELS.wecom.tokenParam}=)([^&#\\s]+)`) } },
} as const satisfies Record<string, { secret: string | undefined; secretName: string; lists: readonly string[]; token: { name: string; pattern: RegExp } | undefined }>;

type Block = keyof typeof BLOCKS;
const BLOCK_NAMES = Object.keys(BLOCKS) as Block[];

/** Top-level fields the update keeps when they are left out: managed only when the repository sets them. */
const OPTIONAL_FIELDS = ['Email', 'ContactGroupIds', 'PhoneNumber'] as const;

/** A channel block that is there: an object with a non-empty Address (an empty Address is the same as none). */
function present(v: unknown): Record<string, unknown> | undefined {
  const o = obj(v);
  return str(o['Address']).trim() !== '' ? o : undefined;
}

function endpointOf(b: PlanBuilder): string {
  return (b.target('endpoint') ?? VOLCENGINE_ENDPOINT).replace(/\/+$/, '');
}

/** The body as CreateContact and UpdateContact take it; `$schema` of a raw body is not part of it. */
function sent(b: PlanBuilder): Record<string, unknown> {
  return b.resolvedBody();
}

/** A block in the full shape UpdateContact takes: every field, empty where not set (as the terraform provider sends it). */
function fullBlock(block: Block, given: Record<string, unknown> | undefined): Record<string, unknown> {
  const spec = BLOCKS[block];
  const out: Record<string, unknown> = { ...(given ?? {}), Address: str(given?.['Address']) };
  if (spec.secret) out[spec.secret] = str(given?.[spec.secret]);
  for (const l of spec.lists) out[l] = strList(given?.[l]);
  return out;
}

function compare(desired: Record<string, unknown>, live: LiveResource, ctx: CompareContext) {
  const diff = new Diff(ctx);
  const l = live.body;
  diff.text('Name', l['Name'], desired['Name']);
  if (desired['Email'] !== undefined) diff.text('Email', l['Email'], desired['Email']);
  if (desired['ContactGroupIds'] !== undefined) diff.set('ContactGroupIds', l['ContactGroupIds'], desired['ContactGroupIds']);
  if (desired['PhoneNumber'] !== undefined) {
    const phone = (v: unknown) => (present({ Address: obj(v)['Number'] }) ? { CountryCode: str(obj(v)['CountryCode']), Number: str(obj(v)['Number']) } : undefined);
    diff.value('PhoneNumber', l['PhoneNumber'], desired['PhoneNumber'], phone);
  }
  for (const block of BLOCK_NAMES) {
    const spec = BLOCKS[block];
    const d = present(desired[block]);
    const lv = present(l[block]);
    if (!d && !lv) continue;
    diff.text(`${block}.Address`, lv?.['Address'], d?.['Address']);
    if (spec.secret) diff.secret(`${block}.${spec.secret}`, lv ? lv[spec.secret] : undefined, d?.[spec.secret]);
    for (const list of spec.lists) diff.set(`${block}.${list}`, lv?.[list], d?.[list]);
  }
  return { fields: diff.fields, secrets: diff.secrets };
}

/** A ListContacts item as a live resource in the body's shape. */
function liveContact(item: Record<string, unknown>): LiveResource | undefined {
  const id = str(item['Id']);
  const name = str(item['Name']);
  if (!id) return undefined;
  const body: Record<string, unknown> = { Name: name, Email: str(item['Email']), ContactGroupIds: strList(item['ContactGroupIds']) };
  const secrets: string[] = [];
  for (const block of BLOCK_NAMES) {
    const b = present(item[block]);
    if (!b) continue;
    body[block] = b;
    const secret = BLOCKS[block].secret;
    const value = secret ? b[secret] : undefined;
    if (typeof value === 'string' && value !== '' && !value.includes('*')) secrets.push(value);
  }
  const phone = obj(item['PhoneNumber']);
  if (str(phone['Number'])) body['PhoneNumber'] = { CountryCode: str(phone['CountryCode']), Number: str(phone['Number']) };
  return { id, name, body, secrets };
}

/** A name usable in a `${secret:…}` reference and its environment variable: letters, digits and `-`. */
export function referenceName(name: string): string {
  const clean = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  return clean || 'contact';
}

function toBody(live: LiveResource) {
  const l = live.body;
  const ref = referenceName(live.name);
  const body: Record<string, unknown> = { Name: live.name };
  const secrets: { reference: string; path: string }[] = [];
  const notes: string[] = [];
  if (str(l['Email'])) body['Email'] = l['Email'];
  if (strList(l['ContactGroupIds']).length) body['ContactGroupIds'] = strList(l['ContactGroupIds']);
  for (const block of BLOCK_NAMES) {
    const b = present(l[block]);
    if (!b) continue;
    const spec = BLOCKS[block];
    let address = str(b['Address']);
    if (spec.token) {
      const reference = `\${secret:${ref}-${spec.token.name}}`;
      const replaced = address.replace(spec.token.pattern, (_m, head: string) => `${head}${reference}`);
      if (replaced !== address) secrets.push({ reference, path: `${block}.Address` });
      address = replaced;
    }
    const out: Record<string, unknown> = { Address: address };
    if (spec.secret) {
      const value = b[spec.secret];
      if (typeof value === 'string' && value !== '') {
        const reference = `\${secret:${ref}-${spec.secretName}}`;
        out[spec.secret] = reference;
        secrets.push({ reference, path: `${block}.${spec.secret}` });
      } else if (value === undefined) {
        const reference = `\${secret:${ref}-${spec.secretName}}`;
        notes.push(`Volcengine does not return ${block}.${spec.secret}: if the channel has one, add ${spec.secret}: ${reference} and store it.`);
      }
    }
    for (const list of spec.lists) if (strList(b[list]).length) out[list] = strList(b[list]);
    body[block] = out;
  }
  if (l['PhoneNumber'] !== undefined) body['PhoneNumber'] = l['PhoneNumber'];
  return { body, secrets, notes };
}

export const contactSync: SyncSpec = {
  scope(b) {
    const region = b.region();
    if (!region) return undefined;
    const endpoint = endpointOf(b);
    return { kind: 'Contact', key: `Contact|${region}|${endpoint}`, target: { region, endpoint }, label: `${region} (${endpoint.replace(/^\w+:\/\//, '')})` };
  },

  listPage(b, page) {
    volcengineCall(b, { ...SERVICE, action: 'ListContacts', body: { PageNumber: page, PageSize: CONTACT_PAGE_SIZE }, label: 'Volcengine ListContacts', idempotent: true });
  },

  readPage(json, _page, collected) {
    const r = volcengineResult(json) ?? {};
    const raw = Array.isArray(r['Items']) ? (r['Items'] as unknown[]) : [];
    const items = raw.flatMap((i) => liveContact(obj(i)) ?? []);
    const total = r['Total'];
    // A server may cap the page below what was asked: Total decides; without it, a full page asks for more.
    const more = raw.length > 0 && (typeof total === 'number' ? collected + raw.length < total : raw.length >= CONTACT_PAGE_SIZE);
    return { items, more };
  },

  compare,

  conflictCode: 'Conflict.Name',

  create(b) {
    volcengineCall(b, { ...SERVICE, action: 'CreateContact', body: sent(b), label: 'Volcengine CreateContact', idempotent: false });
  },

  update(b, live) {
    const desired = sent(b);
    const body: Record<string, unknown> = { Id: live.id, Name: desired['Name'] };
    for (const f of OPTIONAL_FIELDS) if (desired[f] !== undefined) body[f] = desired[f];
    // UpdateContact replaces the channel blocks: all four go, an absent one with an empty Address.
    for (const block of BLOCK_NAMES) body[block] = fullBlock(block, present(desired[block]));
    volcengineCall(b, { ...SERVICE, action: 'UpdateContact', body, label: 'Volcengine UpdateContact', idempotent: false });
  },

  removeBatch: DELETE_BATCH,

  remove(b, live) {
    volcengineCall(b, { ...SERVICE, action: 'DeleteContacts', body: { Ids: live.map((l) => l.id) }, label: 'Volcengine DeleteContacts', idempotent: false });
  },

  readRemoved(json) {
    const r = volcengineResult(json) ?? {};
    const gone = strList(r['SuccessfulItems']);
    const failed: { id: string; reason: string }[] = [];
    for (const u of Array.isArray(r['UnsuccessfulItems']) ? r['UnsuccessfulItems'] : []) {
      const item = obj(u);
      const err = obj(item['Error']);
      const code = str(err['Code']).trim();
      // The docs' example has a stray leading space in the code: trimmed before comparing.
      if (code === 'NotFound.Ids') gone.push(str(item['Id']));
      else failed.push({ id: str(item['Id']), reason: `${code || 'error'}: ${str(err['Message'])}` });
    }
    return { gone, failed };
  },

  toBody,
};
