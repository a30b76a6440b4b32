/**
 * Plain advice for the error codes vendors answer with (research.md): what the
 * code means and what to do about it.
 */
import type { Vendor } from './plan';

/** DingTalk's 310000 covers several security failures; the message tells them apart. */
function dingtalk310000(message: string): string {
  const m = message.toLowerCase();
  if (m.includes('timestamp')) return "DingTalk rejected the timestamp: this machine's clock is more than 1 hour off. Fix the clock (NTP) and retry.";
  if (m.includes('keyword')) return "The robot's keyword security setting is on and the message contains none of its keywords. Add a keyword to the message (--message) or the message template.";
  // A word, not a substring: DingTalk's newer sign-mismatch text starts with "description:".
  if (/\bip\b/.test(m)) return "The robot's IP allow-list does not include this machine's public IP. Add it in the robot's security settings.";
  return "DingTalk rejected the signature: check that SecretKey is the robot's SEC… secret from its security settings (signing, 加签), and that this machine's clock is right.";
}

const ADVICE: Partial<Record<Vendor, Record<string, string | ((message: string) => string)>>> = {
  dingtalk: {
    '310000': dingtalk310000,
    '130101': 'DingTalk rate limit: at most 20 messages a minute per robot, then 10 minutes of throttling. Wait and retry later.',
    '460101': 'The message is over 20,000 bytes. Shorten it.',
    '300001': 'The access_token is not a robot of DingTalk: check the webhook address.',
    '400102': 'The robot is disabled. Enable it in the group settings.',
  },
  lark: {
    '19021': "Lark rejected the signature or timestamp: check SecretKey (the bot's signing secret) and this machine's clock (within 1 hour).",
    '19024': "The bot's keyword setting is on and the message contains none of its keywords. Add a keyword to the message.",
    '11232': 'Lark rate limit (100 a minute, 5 a second per bot; avoid sending on the hour or half hour). Wait and retry.',
    '9499': 'Lark could not read the request (Bad Request): check the message format.',
    '19001': 'The webhook token is not valid: check the bot address.',
  },
  wecom: {
    '93000': "Invalid webhook URL: the key is wrong or the robot was removed. Use the robot's whole webhook URL, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>.",
    '40058': 'The message is too long (text at most 2,048 bytes, markdown at most 4,096). Shorten it.',
    '45009': 'WeCom rate limit: at most 20 messages a minute per robot. Wait and retry.',
  },
  volcengine: {
    SignatureDoesNotMatch: 'Volcengine rejected the signature: check VOLCENGINE_SECRET_KEY and the clock.',
    InvalidAccessKey: 'The access key is not known to Volcengine: check VOLCENGINE_ACCESS_KEY.',
    InvalidCredential: 'Volcengine rejected the credentials: check the access key and secret key.',
    ProductUnsubscribed: 'The account is not subscribed to VMP (Managed Service for Prometheus). Subscribe in the VMP console.',
    'Conflict.Name': 'A contact with this Name already exists in VMP. Choose another Name or update the existing contact.',
  },
  'huawei-aom': {
    'APIG.0301': 'Huawei Cloud rejected the credentials (AK/SK signature, expired signature or unknown AK). Check HUAWEICLOUD_SDK_AK/SK and the clock (within 15 minutes). After 5 failures the AK is locked for 5 minutes, so alertcfg does not retry.',
    'APIGW.0301': 'Huawei Cloud rejected the credentials. Check the AK/SK or token and the clock.',
    'AOM.0400': 'AOM could not read the events: check the body against the schema (alertcfg validate).',
  },
  'huawei-cts': {
    'APIG.0301': 'Huawei Cloud rejected the credentials (AK/SK signature, expired signature or unknown AK). Check HUAWEICLOUD_SDK_AK/SK and the clock (within 15 minutes).',
    // research-gitops.md §2.1 (the CTS error code table).
    'CTS.0400': 'A key operation notification with this notification_name already exists in the project: names are unique. Choose another notification_name, or change the existing one in the CTS console.',
    'CTS.0003': 'CTS could not read the request body (empty or invalid): check it against the schema (alertcfg validate).',
    'CTS.0001': 'CTS failed calling IAM or OBS for this account. Check that the account may use IAM and OBS; if it can, try again later.',
    'CTS.0300': 'CTS could not run its query, a fault on its side. Try again later.',
    'CTS.0002': 'CTS rejected the credentials or their permission. Check HUAWEICLOUD_SDK_AK/SK (or the token) and that the IAM user may manage CTS notifications (for example the CTS FullAccess policy).',
    'CTS.0012': 'The project id is not valid for these credentials: check target.projectId (the project of target.region, under My Credentials in the console).',
    'CTS.0013': 'No permission: the IAM user needs a policy that allows creating CTS key operation notifications (for example CTS FullAccess).',
    'CTS.0004': 'CTS could not write its data, a fault on its side. alertcfg does not send a create again: look in the CTS console whether the notification exists before applying again.',
    'CTS.0005': 'CTS could not read its data, a fault on its side. alertcfg does not send a create again: look in the CTS console whether the notification exists before applying again.',
  },
};

/** AOM's and CTS's docs on 503: "the requested service is invalid … do not repeat the request without modifications". */
const HUAWEI_503 =
  'Huawei Cloud answered 503: its docs say the requested service is invalid and the request must not be repeated without changes, so alertcfg did not retry it. Check target.region, target.endpoint and target.projectId.';

export function adviceFor(vendor: Vendor, code: string, message: string, status?: number): string | undefined {
  const table = ADVICE[vendor];
  let a = table?.[code];
  if (!a && status === 503 && (vendor === 'huawei-aom' || vendor === 'huawei-cts')) a = HUAWEI_503;
  if (!a && vendor === 'volcengine') {
    if (code.startsWith('MissingParameter.')) a = `A required parameter is missing (${code.slice(17)}): alertcfg validate points at it.`;
    else if (code.startsWith('InvalidParameter.')) a = `A parameter is invalid (${code.slice(17)}): alertcfg validate points at it.`;
  }
  return typeof a === 'function' ? a(message) : a;
}
