/**
 * Request signers for the alert back-ends. Pure functions: they compute
 * signatures and return new values; nothing is sent or read here.
 *
 * Which one to use (research.md §A, §B, §D, §E and "Cross-cutting rules"):
 *
 * | back-end            | function              | time unit / format        | where the result goes          |
 * |---------------------|-----------------------|---------------------------|--------------------------------|
 * | DingTalk robot      | `dingtalkSignedUrl`   | milliseconds              | query: `&timestamp=…&sign=…`   |
 * | Lark / Feishu bot   | `larkSign`            | seconds                   | JSON body: `timestamp`, `sign` |
 * | Huawei Cloud APIG   | `huaweiSignRequest`   | `X-Sdk-Date` basic ISO    | `X-Sdk-Date`, `Authorization`  |
 * | Huawei (IAM token)  | `huaweiTokenHeaders`  | —                         | `X-Auth-Token`                 |
 * | Volcengine OpenAPI  | `volcengineSignRequest` | `X-Date` basic ISO      | `X-Date`, `X-Content-Sha256`, `Authorization` (+ `X-Security-Token`) |
 *
 * The HMAC key/message roles differ and are the usual source of bugs:
 * DingTalk key = secret, message = `ts\nsecret`; Lark key = `ts\nsecret`,
 * message = ""; Huawei key = SK (hex output); Volcengine a derived key chain
 * (hex output). Signature failures should never be retried blindly: Huawei
 * locks an AK for 5 minutes after 5 failed attempts.
 *
 * The request signers (Huawei, Volcengine) take an `OutgoingRequest` and sign
 * it exactly as it will be sent: `url` (path and query as the transport will
 * serialise them), `headers` and the UTF-8 bytes of `body`. So sign last,
 * after every header and the body are final, and send the returned request
 * unchanged. Neither signer adds a `Host` header; both take the host from the
 * URL when they need it (Volcengine) or sign it only if the caller added it
 * (Huawei, whose published vectors do not sign it).
 */
export { dingtalkSign, dingtalkSignedUrl } from './dingtalk';
export type { DingtalkSignature } from './dingtalk';
export { larkSign } from './lark';
export type { LarkSignature } from './lark';
export {
  HUAWEI_ALGORITHM,
  huaweiCanonicalQuery,
  huaweiCanonicalRequest,
  huaweiCanonicalUri,
  huaweiIsSignedHeader,
  huaweiSignRequest,
  huaweiStringToSign,
  huaweiTokenHeaders,
} from './huawei';
export type { HuaweiAkSk } from './huawei';
export {
  VOLCENGINE_ALGORITHM,
  volcengineCanonicalQuery,
  volcengineCanonicalRequest,
  volcengineCredentialScope,
  volcengineSignRequest,
  volcengineSigningKey,
  volcengineStringToSign,
} from './volcengine';
export type { VolcengineCredentials, VolcengineScope } from './volcengine';
export { basicIsoDateTime, rfc3986Encode, sha256Hex } from './crypto-util';
