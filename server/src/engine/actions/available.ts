/**
 * Which actions apply to a resource (SPEC §5): what CodeLens, the context menu and
 * `alertcfg.listActions` offer. Every kind can be previewed.
 */
import { kindModule } from '../kinds/index';
import type { Kind } from '../model/kinds';
import type { Channel } from '../webhooks/channels';

import type { ActionName } from '../verbs';

export type { ActionName } from '../verbs';

export function actionsFor(kind: Kind, body: unknown, envelope: { action?: unknown } = {}): ActionName[] {
  return kindModule(kind)?.actions(body, envelope) ?? [];
}

/** The bot channels a resource can send to (kinds that send per channel), or undefined. */
export function channelsFor(kind: Kind, body: unknown): Channel[] | undefined {
  return kindModule(kind)?.channels?.(body);
}
