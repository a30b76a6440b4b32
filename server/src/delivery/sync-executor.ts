/**
 * The executor GitOps sync sends its requests through (engine/sync): the delivery
 * client (timeouts, proxies, safety refusals, the retry policy, which never sends a
 * write again once an answer arrived) and the vendor's way of reading the answer.
 * The raw answer goes back to the engine to read; the report is masked with the
 * plan's masker. Shared by the CLI and the language server.
 */
import { type Executor, interpret } from '../engine/index';
import { type DeliveryOptions, deliver } from './client';

export function deliveryExecutor(options: DeliveryOptions): Executor {
  return async (request, masker) => {
    const outcome = await deliver(request, options);
    return { report: interpret(request, outcome, masker), ...(outcome.answer ? { answer: outcome.answer } : {}) };
  };
}

/** A wait the engine can ask for (it has no timers), cut short by the signal. */
export function sleeper(signal?: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
}
