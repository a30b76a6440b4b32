/**
 * The semantic rules of a single resource: each kind's module lists its own.
 * Workspace-wide rules (names shared across files) live in workspace.ts.
 */
import { kindModule } from '../kinds/index';
import type { Kind } from '../model/kinds';
import type { Rule } from './types';

export function rulesFor(kind: Kind): readonly Rule[] {
  return kindModule(kind)?.rules ?? [];
}
