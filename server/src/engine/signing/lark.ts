/**
 * Lark / Feishu custom-bot signing, research.md §B.
 *
 * Different from DingTalk in two ways that are easy to get wrong:
 *   stringToSign = `${timestampSec}\n${secret}`      (seconds, not ms)
 *   sign         = base64( HMAC-SHA256( key = stringToSign, message = "" ) )
 * i.e. the string to sign is the HMAC *key* and the message is empty. The
 * result goes into the JSON body next to `msg_type` (as `timestamp` and
 * `sign`), never into the URL, so it is not URL-encoded. Reusing the DingTalk
 * algorithm gives a different value and the bot answers code 19021.
 */
import { toBase64 } from '../crypto/bytes';
import { type CryptoPort, PURE_CRYPTO } from '../crypto/port';
import { requireNonEmpty } from './crypto-util';

/** The `timestamp` and base64 `sign` fields for a Lark/Feishu bot body. */
export interface LarkSignature {
  /** Seconds since the epoch, as decimal digits. */
  timestamp: string;
  /** Base64 HMAC-SHA256 with an empty message; not URL-encoded. */
  sign: string;
}

/**
 * Largest timestamp we accept as seconds (year 5138). A larger value is almost
 * certainly milliseconds, which Lark would reject with code 19021.
 */
const MAX_PLAUSIBLE_SECONDS = 1e11;

/** Validates a seconds timestamp and renders it as decimal digits. */
function formatTimestampSec(timestampSec: number): string {
  if (!Number.isSafeInteger(timestampSec) || timestampSec < 0) {
    throw new RangeError(`lark: timestamp must be a non-negative integer number of seconds, got ${timestampSec}`);
  }
  if (timestampSec >= MAX_PLAUSIBLE_SECONDS) {
    throw new RangeError(`lark: timestamp ${timestampSec} looks like milliseconds; Lark wants seconds`);
  }
  return String(timestampSec);
}

/**
 * Computes the Lark/Feishu bot signature.
 * @param secret the signing secret shown when "签名校验" is enabled on the bot.
 * @param timestampSec the current time in seconds (`Math.floor(Date.now() / 1000)`).
 * @param crypto the crypto port (the engine's own implementation by default).
 * @returns `{ timestamp, sign }` to put in the JSON body.
 */
export function larkSign(secret: string, timestampSec: number, crypto: CryptoPort = PURE_CRYPTO): LarkSignature {
  requireNonEmpty(secret, 'lark secret');
  const timestamp = formatTimestampSec(timestampSec);
  const sign = toBase64(crypto.hmacSha256(`${timestamp}\n${secret}`, ''));
  return { timestamp, sign };
}
