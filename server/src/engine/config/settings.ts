/**
 * The one definition of alertcfg's settings. VS Code settings (`alertcfg.*`), the
 * repository file `.alertcfg.yaml`, the CLI and the language server all read
 * these; each entry's schema validates the file and generates the contribution.
 */
import type { SeverityOrOff } from '../model/finding';
import { KIND_TABLE } from '../kinds/table.generated';
import type { Kind } from '../model/kinds';

export interface Settings {
  include: string[];
  exclude: string[];
  schemas: Record<string, Kind>;
  rules: Record<string, SeverityOrOff>;
  defaults: { region?: string; projectId?: string };
  messageTemplate: string;
  timeoutMs: number;
  allowedHosts: string[];
  maxFileSize: number;
  maxDocuments: number;
  /** GitOps sync: per kind, the globs of vendor names `--prune` may delete. */
  sync: { prune: Record<string, string[]> };
}

export interface SettingDefinition {
  key: keyof Settings;
  schema: Record<string, unknown>;
  description: string;
  descriptionZh: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  include: ['**/*.yaml', '**/*.yml', '**/*.json'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  schemas: {},
  rules: {},
  defaults: {},
  messageTemplate: 'alertcfg test message from {name} ({kind}) at {time}',
  timeoutMs: 10_000,
  allowedHosts: [],
  maxFileSize: 10 * 1024 * 1024,
  maxDocuments: 50_000,
  sync: { prune: {} },
};

/** The kinds GitOps sync manages (plan, apply, prune, import). */
export const SYNC_KINDS: readonly string[] = KIND_TABLE.filter((k) => k.sync).map((k) => k.kind);

const SEVERITY_VALUES = ['error', 'warning', 'info', 'hint', 'off'];

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    key: 'include',
    schema: { type: 'array', items: { type: 'string' }, default: DEFAULT_SETTINGS.include },
    description: 'Glob patterns (relative to the workspace root) of files to check.',
    descriptionZh: '要检查的文件的 glob 模式（相对于工作区根目录）。',
  },
  {
    key: 'exclude',
    schema: { type: 'array', items: { type: 'string' }, default: DEFAULT_SETTINGS.exclude },
    description: 'Glob patterns of files and folders never to check. `.git` and `node_modules` are always skipped.',
    descriptionZh: '永不检查的文件和目录的 glob 模式。`.git` 和 `node_modules` 始终跳过。',
  },
  {
    key: 'schemas',
    schema: { type: 'object', additionalProperties: { enum: KIND_TABLE.map((k) => k.kind) }, default: {} },
    description: 'Associates raw vendor bodies with a kind by glob, e.g. `{"contacts/*.json": "Contact"}`.',
    descriptionZh: '按 glob 将原始厂商请求体关联到类型，例如 `{"contacts/*.json": "Contact"}`。',
  },
  {
    key: 'rules',
    schema: { type: 'object', additionalProperties: { enum: SEVERITY_VALUES }, default: {} },
    description: 'Severity per finding code (`error`, `warning`, `info`, `hint` or `off`). A family such as `MissingParameter` covers all its codes.',
    descriptionZh: '按诊断代码设置严重级别（`error`、`warning`、`info`、`hint` 或 `off`）。`MissingParameter` 这样的前缀覆盖其下所有代码。',
  },
  {
    key: 'defaults',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { region: { type: 'string' }, projectId: { type: 'string' } },
      default: {},
    },
    description: 'Default `target.region` and `target.projectId` for resources that do not set them.',
    descriptionZh: '资源未设置时使用的默认 `target.region` 与 `target.projectId`。',
  },
  {
    key: 'messageTemplate',
    schema: { type: 'string', default: DEFAULT_SETTINGS.messageTemplate },
    description: 'Text of test messages sent to bots; `{name}`, `{kind}` and `{time}` are replaced.',
    descriptionZh: '发送给机器人的测试消息文本；`{name}`、`{kind}`、`{time}` 会被替换。',
  },
  {
    key: 'timeoutMs',
    schema: { type: 'integer', minimum: 100, maximum: 600_000, default: DEFAULT_SETTINGS.timeoutMs },
    description: 'Timeout of each network request, in milliseconds.',
    descriptionZh: '每个网络请求的超时时间（毫秒）。',
  },
  {
    key: 'allowedHosts',
    schema: { type: 'array', items: { type: 'string' }, default: [] },
    description: "Extra hosts a bot secret may be sent to besides its channel's own (e.g. a company proxy).",
    descriptionZh: '除渠道自身主机外，允许接收机器人密钥的其他主机（例如公司代理）。',
  },
  {
    key: 'maxFileSize',
    schema: { type: 'integer', minimum: 1024, default: DEFAULT_SETTINGS.maxFileSize },
    description: 'Largest file, in bytes, that is checked; larger files get one finding saying they were skipped.',
    descriptionZh: '会被检查的最大文件字节数；更大的文件会得到一条说明已跳过的诊断。',
  },
  {
    key: 'maxDocuments',
    schema: { type: 'integer', minimum: 1, default: DEFAULT_SETTINGS.maxDocuments },
    description: 'Most documents (YAML `---` documents, or elements of a JSON array) checked in one file; the ones after them get one finding saying they were skipped.',
    descriptionZh: '单个文件中检查的最多文档数（YAML 的 `---` 文档或 JSON 数组的元素）；其后的文档会得到一条说明已跳过的诊断。',
  },
  {
    key: 'sync',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        prune: {
          type: 'object',
          additionalProperties: false,
          'x-unknown-is-error': true,
          properties: Object.fromEntries(SYNC_KINDS.map((k) => [k, { type: 'array', items: { type: 'string', minLength: 1 } }])),
        },
      },
      default: { prune: {} },
    },
    description:
      'GitOps sync. `prune`: per kind, globs of the vendor names (`Name`, `notification_name`) that `alertcfg apply --prune` may delete when they are not in the repository, e.g. `{"prune": {"Contact": ["team-a-*"]}}`. Without a glob for a kind, nothing of it is ever deleted.',
    descriptionZh:
      'GitOps 同步。`prune`：按类型列出 `alertcfg apply --prune` 可删除的厂商名称（`Name`、`notification_name`）的 glob（仅删除仓库中不存在的资源），例如 `{"prune": {"Contact": ["team-a-*"]}}`。某类型没有 glob 时，该类型的资源永不删除。',
  },
];

/** JSON Schema of `.alertcfg.yaml`, built from the definitions. */
export function configFileSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const d of SETTING_DEFINITIONS) properties[d.key] = { ...d.schema, description: d.description, 'x-description-zh-cn': d.descriptionZh };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://alertcfg.dev/schemas/v1/alertcfg-config.schema.json',
    title: 'alertcfg repository configuration (.alertcfg.yaml)',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

/** Later layers override earlier ones key by key; `rules` and `schemas` merge. */
export function mergeSettings(...layers: Partial<Settings>[]): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, rules: {}, schemas: {}, defaults: {}, sync: { prune: {} } };
  for (const l of layers) {
    for (const [k, v] of Object.entries(l) as [keyof Settings, unknown][]) {
      if (v === undefined) continue;
      if (k === 'rules' || k === 'schemas' || k === 'defaults') Object.assign(out[k], v);
      // Prune globs merge kind by kind.
      else if (k === 'sync') Object.assign(out.sync.prune, (v as Partial<Settings['sync']>).prune ?? {});
      else (out as unknown as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
