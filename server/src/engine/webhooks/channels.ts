/**
 * The bot channels and what their webhook URLs look like. Validation checks
 * addresses against these; delivery uses the same hosts to decide where a bot
 * secret may go.
 */
export type Channel = 'dingtalk' | 'lark' | 'wecom' | 'webhook';

/** Every channel, in the order the CLI and pickers list them. */
export const CHANNEL_NAMES: readonly Channel[] = ['dingtalk', 'lark', 'wecom', 'webhook'];

export interface ChannelInfo {
  channel: Channel;
  label: string;
  hosts: readonly string[];
  /** Path the webhook URL has (exact, or a prefix followed by a token). */
  path: string;
  pathIsPrefix: boolean;
  /** Query parameter carrying the bot's token, if the token is in the query. */
  tokenParam?: string;
  example: string;
}

export const CHANNELS: Record<Exclude<Channel, 'webhook'>, ChannelInfo> = {
  dingtalk: {
    channel: 'dingtalk',
    label: 'DingTalk',
    hosts: ['oapi.dingtalk.com'],
    path: '/robot/send',
    pathIsPrefix: false,
    tokenParam: 'access_token',
    example: 'https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}',
  },
  lark: {
    channel: 'lark',
    label: 'Lark/Feishu',
    hosts: ['open.feishu.cn', 'open.larksuite.com'],
    path: '/open-apis/bot/v2/hook/',
    pathIsPrefix: true,
    example: 'https://open.feishu.cn/open-apis/bot/v2/hook/${secret:lark-hook}',
  },
  wecom: {
    channel: 'wecom',
    label: 'WeCom',
    hosts: ['qyapi.weixin.qq.com'],
    path: '/cgi-bin/webhook/send',
    pathIsPrefix: false,
    tokenParam: 'key',
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret:wecom-key}',
  },
};

const REF = /\$\{(env|secret):([^}]*)\}/g;

/** Replaces references with a neutral token so that a URL can be parsed. */
export function withoutReferences(s: string): string {
  return s.replace(REF, 'ref');
}

export function parseUrl(s: string): URL | undefined {
  try {
    const u = new URL(withoutReferences(s.trim()));
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** What is wrong with a bot address for its channel, or undefined when it looks right. */
export function addressProblem(info: ChannelInfo, url: URL): string | undefined {
  if (isLoopbackHost(url.hostname)) return undefined;
  if (!info.hosts.includes(url.hostname.toLowerCase())) {
    return `a ${info.label} bot address is on ${info.hosts.join(' or ')}, not ${url.hostname}`;
  }
  const pathOk = info.pathIsPrefix ? url.pathname.startsWith(info.path) && url.pathname.length > info.path.length : url.pathname.replace(/\/$/, '') === info.path;
  if (!pathOk) return `a ${info.label} bot address has the path ${info.path}${info.pathIsPrefix ? '<token>' : ''}`;
  if (info.tokenParam && !url.searchParams.get(info.tokenParam)) return `a ${info.label} bot address carries ?${info.tokenParam}=<token>`;
  return undefined;
}
