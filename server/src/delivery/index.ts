/**
 * Delivery layer (Node adapter code, not engine): sends the engine's
 * `PlannedRequest`s over undici with timeouts, proxies, retries and safety
 * refusals. Used by the CLI and the language server; the engine stays pure.
 */
export {
  deliver,
  shouldRetry,
  retryDelay,
  parseRetryAfter,
  isRetryableStatus,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_ATTEMPTS,
  BACKOFF_BASE_MS,
  RETRY_AFTER_CAP_MS,
  type DeliveryOptions,
  type DeliveryOutcome,
} from './client';
export { refusal, isLinkLocalOrMetadata, describeTarget, scrub, guardedLookup, type LookupFunction } from './safety';
export { createDispatcher, type TransportOptions } from './transport';
