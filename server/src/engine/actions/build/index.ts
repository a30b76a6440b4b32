/**
 * Plans an action for a resource: the request(s) it sends, or the problems that
 * stop it. The one entry point the CLI and the language server call; how each
 * action is planned is the resource's kind's to say (`KindActions.verbs`, in
 * kinds/actions/).
 */
import { kindActions } from '../../kinds/actions/index';
import { actionsFor } from '../available';
import { type ActionInput, type ActionPlan, PlanBuilder } from './context';

export function planAction(input: ActionInput): ActionPlan {
  const b = new PlanBuilder(input);
  const allowed = actionsFor(input.kind, input.body, input.envelope);
  const plan = kindActions(input.kind)?.verbs[input.action];
  if (!allowed.includes(input.action) || !plan) {
    b.problem(`${input.kind} has no "${input.action}" action${allowed.length ? `; it offers ${allowed.join(', ')}` : ''}.`);
    return b.plan;
  }
  plan(b);
  return b.plan;
}

export type { ActionInput, ActionPlan, MissingValue, CredentialSource } from './context';
