/**
 * A worker thread of `alertcfg validate`: checks its share of the files (see
 * check-files.ts) and posts the outcomes back once, when no file is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CheckContext, type Share, checkShare } from './check-files';

export interface ValidateWorkerData {
  alertcfgValidateWorker: true;
  context: CheckContext;
  /** Int32Array over a SharedArrayBuffer: the index of the next file to take. */
  counter: Int32Array;
}

export type ValidateWorkerResult = Share;

export function isValidateWorker(data: unknown): data is ValidateWorkerData {
  return typeof data === 'object' && data !== null && (data as { alertcfgValidateWorker?: unknown }).alertcfgValidateWorker === true;
}

export function runValidateWorker(): void {
  const data = workerData as ValidateWorkerData;
  const result: ValidateWorkerResult = checkShare(data.context, data.counter);
  parentPort!.postMessage(result);
}
