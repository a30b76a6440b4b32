/**
 * The Volcengine VMP stand-in's contact state and its read/update/delete
 * actions (research-gitops.md §1.3–1.7, §4). `volcengine.ts` verifies the
 * signature and routes here; this file only holds state and answers.
 *
 * State: contacts by Id (UUID) in creation order, each `{id, body, createTime,
 * emailActive}`; `body` holds the contact's fields as last written (Name,
 * Email, ContactGroupIds, the four channel objects, PhoneNumber), so a test can
 * change it to simulate an edit in the console. Names are unique in the account.
 *
 * - ListContacts `{PageNumber, PageSize, SortBy, SortOrder, Filter{Ids, Name,
 *   Email, ContactGroupIds}}` → `{Total, Items}`; items in creation order
 *   (`SortBy:"CreatedAt", SortOrder:"Desc"` reverses). PageSize 0..100, 0 or
 *   absent = 10 (guess: the Go SDK omits a zero, so the server sees the
 *   default; research-gitops.md §5.7); over 100 → 400 `InvalidParameter.PageSize`.
 *   `maxPageSize` caps the page below what was asked. Filter: Ids exact, Name
 *   and Email substring ("fuzzy"), ContactGroupIds = shares one group (guess).
 * - Items carry Email "" and ContactGroupIds [] when unset and every channel
 *   object: absent channels come back as `{"Address":"",…}` (`channelForm:
 *   'empty'`, default, modelled on the provider's read handler; a guess) or are
 *   left out (`'omit'`). Secrets (`Webhook.Token`, `LarkBotWebhook.SecretKey`,
 *   `DingTalkBotWebhook.SecretKey`) come back `'plain'` (default; the likely
 *   reading, §1.10), `'masked'` (`"******"`) or `'omitted'`.
 * - GetContact `{Id}` → the item plus `LarkBot:{ChatID,GroupName,TenantKey}`;
 *   no Id → 400 `MissingParameter.Id`; unknown → 404 `NotFound.Contact`
 *   (the code and status are a guess: no source names them, §1.1).
 * - UpdateContact: `Id` required; unknown → 404 `NotFound.Contact` (guess, as
 *   above). Name and Email kept when omitted (an empty Email is taken as
 *   omitted: a Go SDK client cannot send one; guess); a Name held by another
 *   contact → 409 `Conflict.Name`. A channel object (or PhoneNumber) given with
 *   a non-empty Address (Number) replaces the stored one, given with an empty
 *   one removes it; an omitted one is kept (`omittedChannel: 'keep'`, default)
 *   or removed (`'clear'`): the real behaviour is unknown (§5.1).
 *   ContactGroupIds replace the stored ones when given (§5.2: unknown).
 *   Result `{Id, Message:"", SendStatus:""}`. All checks run before any change.
 * - DeleteContacts `{Ids}` → 200 `{SuccessfulItems, UnsuccessfulItems}`, an
 *   unknown id as `{Id, Error:{Code:"NotFound.Ids", Message, Data:{}}}`;
 *   missing or empty Ids → 400 `MissingParameter.Ids`.
 * Not modelled: contact groups, e-mail verification, the name character rule,
 * and the documented rule that a Token/SecretKey needs its Address.
 */
import { randomUUID } from 'node:crypto';
import { isObject, type VendorAnswer } from './server';

export interface StoredContact {
  id: string;
  /** The contact's fields as last written (the CreateContact body, then updates). */
  body: Record<string, unknown>;
  /** RFC 3339. */
  createTime: string;
  emailActive: boolean;
}

export interface ContactBehaviour {
  /** Cap on the page size, below what the client asks (forces several pages). */
  maxPageSize?: number;
  /** How List/Get show an absent channel: `{"Address":""…}` ('empty', default) or not at all ('omit'). */
  channelForm?: 'omit' | 'empty';
  /** How List/Get show Token/SecretKey (default 'plain'). */
  secrets?: 'plain' | 'masked' | 'omitted';
  /** What UpdateContact does with a channel object it was not given (default 'keep'). */
  omittedChannel?: 'keep' | 'clear';
}

/** What an action sees: the JSON body and the envelope builders of `volcengine.ts`. */
export interface ActionContext {
  body: Record<string, unknown>;
  ok(result: unknown): VendorAnswer;
  fail(status: number, code: string, message: string): VendorAnswer;
}

export type Action = (ctx: ActionContext) => VendorAnswer | Promise<VendorAnswer>;

/** Each channel object's secret field and list fields. */
export const CHANNELS: Record<string, { secret?: string; lists: string[] }> = {
  Webhook: { secret: 'Token', lists: [] },
  LarkBotWebhook: { secret: 'SecretKey', lists: [] },
  DingTalkBotWebhook: { secret: 'SecretKey', lists: ['AtMobiles', 'AtUserIds'] },
  WeComBotWebhook: { lists: ['AtUserIds'] },
};

export const MASK = '******';

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Contacts by Id in creation order; names unique. */
export class ContactStore {
  readonly byId = new Map<string, StoredContact>();

  constructor(private readonly now: () => number) {}

  /** Adds a contact as it was written (also how a test adds one "in the console"). */
  add(body: Record<string, unknown>, id: string = randomUUID()): StoredContact {
    const contact: StoredContact = { id, body, createTime: rfc3339(this.now()), emailActive: false };
    this.byId.set(id, contact);
    return contact;
  }

  byName(name: string): StoredContact | undefined {
    for (const c of this.byId.values()) if (c.body['Name'] === name) return c;
    return undefined;
  }

  nameTaken(name: string, exceptId?: string): boolean {
    const holder = this.byName(name);
    return holder !== undefined && holder.id !== exceptId;
  }
}

/**
 * The stand-in's original `contacts` Map (Name → {id, body}), kept as a live
 * view of the store: reads see the current state, writes change it.
 */
export class ContactsByName extends Map<string, { id: string; body: Record<string, unknown> }> {
  constructor(private readonly store: ContactStore) {
    super();
  }
  private snapshot(): Map<string, StoredContact> {
    return new Map([...this.store.byId.values()].map((c) => [String(c.body['Name']), c]));
  }
  override get size(): number {
    return this.store.byId.size;
  }
  override get(name: string): StoredContact | undefined {
    return this.store.byName(name);
  }
  override has(name: string): boolean {
    return this.store.byName(name) !== undefined;
  }
  override set(name: string, value: { id: string; body: Record<string, unknown> }): this {
    const old = this.store.byName(name);
    if (old) this.store.byId.delete(old.id);
    this.store.add({ ...value.body, Name: name }, value.id);
    return this;
  }
  override delete(name: string): boolean {
    const c = this.store.byName(name);
    return c !== undefined && this.store.byId.delete(c.id);
  }
  override clear(): void {
    this.store.byId.clear();
  }
  override entries() {
    return this.snapshot().entries();
  }
  override keys() {
    return this.snapshot().keys();
  }
  override values() {
    return this.snapshot().values();
  }
  override [Symbol.iterator]() {
    return this.snapshot()[Symbol.iterator]();
  }
  override forEach(fn: (value: { id: string; body: Record<string, unknown> }, key: string, map: Map<string, { id: string; body: Record<string, unknown> }>) => void): void {
    for (const [k, v] of this.snapshot()) fn(v, k, this);
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A stored channel object when it has an Address, else undefined (the provider's reading of `""`). */
function presentChannel(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = body[key];
  return isObject(v) && str(v['Address']) !== '' ? v : undefined;
}

/** A channel object in the full shape List/Get return. */
function channelView(key: string, stored: Record<string, unknown> | undefined, secrets: ContactBehaviour['secrets']): Record<string, unknown> {
  const spec = CHANNELS[key]!;
  const out: Record<string, unknown> = { Address: str(stored?.['Address']) };
  if (spec.secret) {
    const value = str(stored?.[spec.secret]);
    if (secrets === 'masked') out[spec.secret] = value ? MASK : '';
    else if (secrets !== 'omitted') out[spec.secret] = value;
  }
  for (const list of spec.lists) out[list] = strList(stored?.[list]);
  return out;
}

/** A contact as ListContacts returns it. */
export function contactItem(c: StoredContact, behaviour: ContactBehaviour): Record<string, unknown> {
  const item: Record<string, unknown> = {
    Id: c.id,
    Name: str(c.body['Name']),
    Email: str(c.body['Email']),
    EmailActive: c.emailActive,
    CreateTime: c.createTime,
    ContactGroupIds: strList(c.body['ContactGroupIds']),
  };
  for (const key of Object.keys(CHANNELS)) {
    const stored = presentChannel(c.body, key);
    if (stored || behaviour.channelForm !== 'omit') item[key] = channelView(key, stored, behaviour.secrets);
  }
  const phone = c.body['PhoneNumber'];
  if (isObject(phone) && str(phone['Number']) !== '') item['PhoneNumber'] = { CountryCode: str(phone['CountryCode']), Number: str(phone['Number']) };
  return item;
}

/** A page parameter: undefined → fallback; else an integer in [min, max], or NaN when invalid. */
function intParam(v: unknown, fallback: number, min: number, max: number): number {
  if (v === undefined) return fallback;
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : NaN;
}

function matches(c: StoredContact, filter: Record<string, unknown>): boolean {
  const ids = filter['Ids'];
  if (isStrList(ids) && ids.length > 0 && !ids.includes(c.id)) return false;
  const name = str(filter['Name']);
  if (name && !str(c.body['Name']).includes(name)) return false;
  const email = str(filter['Email']);
  if (email && !str(c.body['Email']).includes(email)) return false;
  const groups = filter['ContactGroupIds'];
  if (isStrList(groups) && groups.length > 0 && !strList(c.body['ContactGroupIds']).some((g) => groups.includes(g))) return false;
  return true;
}

const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function isValidEmail(v: unknown): boolean {
  return typeof v === 'string' && EMAIL_RE.test(v);
}

const invalid = (ctx: ActionContext, name: string) => ctx.fail(400, `InvalidParameter.${name}`, `The specified parameter ${name} is invalid.`);
const missing = (ctx: ActionContext, name: string) => ctx.fail(400, `MissingParameter.${name}`, `The required parameter ${name} is missing.`);
const notFound = (ctx: ActionContext, id: string) => ctx.fail(404, 'NotFound.Contact', `The specified contact ${id} is not found.`);

/** ListContacts, GetContact, UpdateContact and DeleteContacts over `store`. */
export function contactActions(store: ContactStore, behaviour: ContactBehaviour): Record<string, Action> {
  return {
    ListContacts(ctx) {
      const b = ctx.body;
      const pageNumber = intParam(b['PageNumber'], 1, 1, Number.MAX_SAFE_INTEGER);
      if (Number.isNaN(pageNumber)) return invalid(ctx, 'PageNumber');
      const asked = intParam(b['PageSize'], 10, 0, 100);
      if (Number.isNaN(asked)) return invalid(ctx, 'PageSize');
      if (b['SortBy'] !== undefined && b['SortBy'] !== 'CreatedAt') return invalid(ctx, 'SortBy');
      if (b['SortOrder'] !== undefined && b['SortOrder'] !== 'Asc' && b['SortOrder'] !== 'Desc') return invalid(ctx, 'SortOrder');
      const filter = b['Filter'] ?? {};
      if (!isObject(filter)) return invalid(ctx, 'Filter');
      for (const key of ['Ids', 'ContactGroupIds']) if (filter[key] !== undefined && !isStrList(filter[key])) return invalid(ctx, `Filter.${key}`);
      for (const key of ['Name', 'Email']) if (filter[key] !== undefined && typeof filter[key] !== 'string') return invalid(ctx, `Filter.${key}`);
      const found = [...store.byId.values()].filter((c) => matches(c, filter));
      if (b['SortOrder'] === 'Desc') found.reverse();
      const size = Math.min(asked === 0 ? 10 : asked, behaviour.maxPageSize ?? 100);
      const page = found.slice((pageNumber - 1) * size, pageNumber * size);
      return ctx.ok({ Total: found.length, Items: page.map((c) => contactItem(c, behaviour)) });
    },

    GetContact(ctx) {
      const id = ctx.body['Id'];
      if (typeof id !== 'string' || id === '') return missing(ctx, 'Id');
      const c = store.byId.get(id);
      if (!c) return notFound(ctx, id);
      return ctx.ok({ ...contactItem(c, behaviour), LarkBot: { ChatID: '', GroupName: '', TenantKey: '' } });
    },

    UpdateContact(ctx) {
      const b = ctx.body;
      const id = b['Id'];
      if (typeof id !== 'string' || id === '') return missing(ctx, 'Id');
      const c = store.byId.get(id);
      if (!c) return notFound(ctx, id);
      const name = b['Name'];
      if (name !== undefined && (typeof name !== 'string' || name === '')) return invalid(ctx, 'Name');
      const email = b['Email'];
      if (email !== undefined && email !== '' && !isValidEmail(email)) return invalid(ctx, 'Email');
      if (b['ContactGroupIds'] !== undefined && !isStrList(b['ContactGroupIds'])) return invalid(ctx, 'ContactGroupIds');
      const objects = [...Object.keys(CHANNELS), 'PhoneNumber'];
      for (const key of objects) {
        const v = b[key];
        if (v === undefined) continue;
        if (!isObject(v)) return invalid(ctx, key);
        const field = key === 'PhoneNumber' ? 'Number' : 'Address';
        if (v[field] !== undefined && typeof v[field] !== 'string') return invalid(ctx, `${key}.${field}`);
      }
      if (typeof name === 'string' && store.nameTaken(name, id)) return ctx.fail(409, 'Conflict.Name', 'The specified name conflicts with existing contact.');
      // Every check passed: apply.
      const next: Record<string, unknown> = { ...c.body };
      if (typeof name === 'string') next['Name'] = name;
      if (typeof email === 'string' && email !== '') next['Email'] = email;
      if (b['ContactGroupIds'] !== undefined) next['ContactGroupIds'] = [...(b['ContactGroupIds'] as string[])];
      for (const key of objects) {
        const v = b[key];
        const field = key === 'PhoneNumber' ? 'Number' : 'Address';
        if (v === undefined) {
          if (behaviour.omittedChannel === 'clear') delete next[key];
        } else if (isObject(v) && str(v[field]) !== '') next[key] = structuredClone(v);
        else delete next[key];
      }
      // In place, so a reference a test holds to the body stays live.
      for (const key of Object.keys(c.body)) delete c.body[key];
      Object.assign(c.body, next);
      return ctx.ok({ Id: id, Message: '', SendStatus: '' });
    },

    DeleteContacts(ctx) {
      const ids = ctx.body['Ids'];
      if (!Array.isArray(ids) || ids.length === 0) return missing(ctx, 'Ids');
      if (!isStrList(ids)) return invalid(ctx, 'Ids');
      const SuccessfulItems: string[] = [];
      const UnsuccessfulItems: unknown[] = [];
      for (const id of ids) {
        if (store.byId.delete(id)) SuccessfulItems.push(id);
        else UnsuccessfulItems.push({ Id: id, Error: { Code: 'NotFound.Ids', Message: `The specified Contact ${id} is not found.`, Data: {} } });
      }
      return ctx.ok({ SuccessfulItems, UnsuccessfulItems });
    },
  };
}
