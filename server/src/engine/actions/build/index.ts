/**
 * Plans an action for a resource: the request(s) it sends, or the problems that
 * stop it. The one entry point the CLI and the language server call.
 */
import { actionsFor } from '../available';
import { planContactSend, planZstackSend } from './bots';
import { planAomEvents, planCtsApply, planVolcengineApply } from './cloud';
import { type ActionInput, type ActionPlan, PlanBuilder } from './context';
import { planReplay } from './replay';

export function planAction(input: ActionInput): ActionPlan {
  const b = new PlanBuilder(input);
  const allowed = actionsFor(input.kind, input.body, input.envelope);
  if (!allowed.includes(input.action)) {
    b.problem(`${input.kind} has no "${input.action}" action${allowed.length ? `; it offers ${allowed.join(', ')}` : ''}.`);
    return b.plan;
  }
  switch (`${input.kind}:${input.action}`) {
    case 'Contact:send':
      planContactSend(b);
      break;
    case 'Contact:apply':
      planVolcengineApply(b);
      break;
    case 'DingTalkTestConnection:send':
      planZstackSend(b);
      break;
    case 'KeyOperationNotification:apply':
      planCtsApply(b);
      break;
    case 'EventReport:push':
      planAomEvents(b, false);
      break;
    case 'EventReport:clear':
      planAomEvents(b, true);
      break;
    case 'AlarmCallback:replay':
      planReplay(b);
      break;
  }
  return b.plan;
}

export type { ActionInput, ActionPlan, MissingValue, CredentialSource, HuaweiCredentials, VolcengineCredentials } from './context';
