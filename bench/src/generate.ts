/**
 * Benchmark inputs, generated deterministically (same seed, same bytes):
 * - a multi-document YAML file of N resources, a realistic mix of the five kinds,
 *   about 250-300 bytes each, with a few errors (one in fifty documents);
 * - a GitOps repository of one resource per file (YAML, some JSON), in team
 *   folders of 100 files, with a few schema errors and a few cross-file name clashes.
 *
 * The repository holds only envelope resources and only schema-level errors, so
 * that ajv-cli (which stops at the first YAML syntax error and cannot read
 * multi-document files) validates exactly the same files as alertcfg.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../test/helpers/random';

export const KINDS = ['Contact', 'AlarmCallback', 'DingTalkTestConnection', 'KeyOperationNotification', 'EventReport'] as const;
export type BenchKind = (typeof KINDS)[number];

const pad = (i: number) => String(i).padStart(5, '0');

/** Errors a generated resource may carry; all are schema or rule findings, none are YAML syntax errors. */
export type Flaw = 'none' | 'bad-email' | 'missing-name' | 'unknown-key' | 'bad-enum' | 'bad-type';

/** One envelope resource as YAML (no document marker, ends with a newline). */
export function resourceYaml(i: number, kind: BenchKind, flaw: Flaw = 'none', name = ''): string {
  const id = pad(i);
  switch (kind) {
    case 'Contact':
      return [
        'apiVersion: alertcfg/v1',
        'kind: Contact',
        'metadata:',
        `  name: team-${id}-oncall`,
        'target:',
        '  region: cn-beijing',
        'spec:',
        flaw === 'missing-name' ? null : `  Name: ${name || `team-${id}-oncall`}`,
        `  Email: ${flaw === 'bad-email' ? `team-${id}.example.com` : `team-${id}@example.com`}`,
        flaw === 'unknown-key' ? '  Emial: typo@example.com' : null,
        '  Webhook:',
        `    Address: https://alerts.example.com/hooks/${id}`,
      ].filter((l) => l !== null).join('\n') + '\n';
    case 'AlarmCallback':
      return [
        'apiVersion: alertcfg/v1',
        'kind: AlarmCallback',
        'metadata:',
        `  name: cvm-cpu-${id}`,
        'spec:',
        `  sessionId: s-${id}`,
        `  alarmStatus: ${flaw === 'bad-type' ? 'firing' : '1'}`,
        '  alarmObjInfo:',
        '    namespace: qce/cvm',
        `    dimensions: { unInstanceId: ins-${id} }`,
        '  alarmPolicyInfo:',
        '    policyType: cvm_device',
        '    policyName: cpu-high',
        '    conditions: { metricName: cpu_usage }',
        '  firstOccurTime: "2024-05-20 07:00:00"',
        `  durationTime: ${300 + (i % 600)}`,
        flaw === 'missing-name' ? null : '  recoverTime: "0"',
      ].filter((l) => l !== null).join('\n') + '\n';
    case 'DingTalkTestConnection':
      return [
        'apiVersion: alertcfg/v1',
        'kind: DingTalkTestConnection',
        'metadata:',
        `  name: robot-${id}`,
        'spec:',
        '  params:',
        `    testMsg: "alertcfg connection test ${id}"`,
        '    url: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}',
        `    secret: \${secret:robot-${id}}`,
        `    atAll: ${flaw === 'bad-type' ? '"no"' : 'false'}`,
        flaw === 'unknown-key' ? '    atEveryone: true' : null,
      ].filter((l) => l !== null).join('\n') + '\n';
    case 'KeyOperationNotification':
      return [
        'apiVersion: alertcfg/v1',
        'kind: KeyOperationNotification',
        'metadata:',
        `  name: keyops-${id}`,
        'target:',
        '  region: cn-north-4',
        'spec:',
        flaw === 'missing-name' ? null : `  notification_name: keyops-${id}`,
        `  operation_type: ${flaw === 'bad-enum' ? 'everything' : 'complete'}`,
        `  topic_id: urn:smn:cn-north-4:0123abcd:t${id}`,
      ].filter((l) => l !== null).join('\n') + '\n';
    case 'EventReport':
      return [
        'apiVersion: alertcfg/v1',
        'kind: EventReport',
        'metadata:',
        `  name: disk-${id}`,
        'spec:',
        '  events:',
        `    - starts_at: ${1716188400000 + i * 1000}`,
        '      metadata:',
        '        event_name: disk',
        `        event_severity: ${flaw === 'bad-enum' ? 'Urgent' : 'Major'}`,
        '        event_type: alarm',
        '        resource_provider: ecs',
        '        resource_type: vm',
        `        resource_id: ecs-${id}`,
      ].join('\n') + '\n';
  }
}

/** The same resource as a JSON object (for the JSON files of the repository). */
export function resourceJson(i: number, kind: BenchKind, flaw: Flaw = 'none'): string {
  const id = pad(i);
  const email = flaw === 'bad-email' ? `team-${id}.example.com` : `team-${id}@example.com`;
  const bodies: Record<BenchKind, unknown> = {
    Contact: { apiVersion: 'alertcfg/v1', kind: 'Contact', metadata: { name: `team-${id}-oncall` }, target: { region: 'cn-beijing' }, spec: { ...(flaw === 'missing-name' ? {} : { Name: `team-${id}-oncall` }), Email: email } },
    AlarmCallback: { apiVersion: 'alertcfg/v1', kind: 'AlarmCallback', metadata: { name: `cvm-cpu-${id}` }, target: { url: `https://alerts.example.com/tencent/${id}` }, spec: { sessionId: `s-${id}`, alarmStatus: 1, alarmObjInfo: { namespace: 'qce/cvm', dimensions: { unInstanceId: `ins-${id}` } }, alarmPolicyInfo: { policyType: 'cvm_device', policyName: 'cpu-high', conditions: { metricName: 'cpu_usage', calcType: '>', calcValue: '90' } }, firstOccurTime: '2024-05-20 07:00:00', durationTime: 300, recoverTime: '0' } },
    DingTalkTestConnection: { apiVersion: 'alertcfg/v1', kind: 'DingTalkTestConnection', metadata: { name: `robot-${id}` }, spec: { params: { testMsg: `alertcfg connection test ${id}`, url: 'https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}', atAll: false } } },
    KeyOperationNotification: { apiVersion: 'alertcfg/v1', kind: 'KeyOperationNotification', metadata: { name: `keyops-${id}` }, target: { region: 'cn-north-4', projectId: '24edf66e79d04187acb99a463e610764' }, spec: { notification_name: `keyops-${id}`, operation_type: 'complete', topic_id: `urn:smn:cn-north-4:24edf66e79d04187acb99a463e610764:t${id}` } },
    EventReport: { apiVersion: 'alertcfg/v1', kind: 'EventReport', metadata: { name: `disk-${id}` }, target: { projectId: '24edf66e79d04187acb99a463e610764' }, spec: { events: [{ starts_at: 1716188400000 + i * 1000, metadata: { event_name: 'disk-full', event_severity: 'Major', event_type: 'alarm', resource_provider: 'ecs', resource_type: 'vm', resource_id: `ecs-${id}` } }] } },
  };
  return `${JSON.stringify(bodies[kind], null, 2)}\n`;
}

const FLAWS: Record<BenchKind, Flaw[]> = {
  Contact: ['bad-email', 'missing-name', 'unknown-key'],
  AlarmCallback: ['bad-type', 'missing-name'],
  DingTalkTestConnection: ['bad-type', 'unknown-key'],
  KeyOperationNotification: ['bad-enum', 'missing-name'],
  EventReport: ['bad-enum'],
};

export interface MultiDocFile {
  text: string;
  resources: number;
  /** Documents that carry a planted error. */
  flawed: number;
}

/** A multi-document file of n resources; one in fifty has an error. */
export function multiDocFile(n: number, seed = 42): MultiDocFile {
  const r = rng(seed);
  const parts: string[] = [];
  let flawed = 0;
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length]!;
    let flaw: Flaw = 'none';
    if (r() < 0.02) {
      const options = FLAWS[kind];
      flaw = options[Math.floor(r() * options.length)]!;
      flawed++;
    }
    parts.push(resourceYaml(i, kind, flaw));
  }
  return { text: parts.join('---\n'), resources: n, flawed };
}

export interface Repo {
  root: string;
  files: number;
  bytes: number;
  /** Folders of 100 files each, in order: a prefix of them is a smaller repository. */
  teams: string[];
  /** Files with a planted schema error. */
  flawed: number;
  /** Relative paths of the two files whose Contacts share a Name (a cross-file finding). */
  clash: [string, string];
  yamlFiles: number;
  jsonFiles: number;
}

/** A GitOps repository of `files` files, 100 per team folder. */
export function generateRepo(root: string, files = 10_000, seed = 7): Repo {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'README.md'), '# alert configuration\n\nOne resource per file, by team.\n');
  writeFileSync(join(root, '.gitignore'), 'drafts/\n');
  writeFileSync(join(root, '.alertcfg.yaml'), 'include: ["**/*.yaml", "**/*.yml", "**/*.json"]\nexclude: ["drafts/**"]\n');
  const r = rng(seed);
  const teams: string[] = [];
  let bytes = 0;
  let flawed = 0;
  let yamlFiles = 0;
  let jsonFiles = 0;
  const clash: [string, string] = ['', ''];
  for (let i = 0; i < files; i++) {
    const team = `teams/team-${String(Math.floor(i / 100)).padStart(3, '0')}`;
    if (i % 100 === 0) {
      teams.push(team);
      mkdirSync(join(root, team), { recursive: true });
    }
    const kind = KINDS[i % KINDS.length]!;
    let flaw: Flaw = 'none';
    if (r() < 0.01) {
      const options = FLAWS[kind];
      flaw = options[Math.floor(r() * options.length)]!;
      flawed++;
    }
    const json = i % 20 === 19;
    const rel = `${team}/${kind.toLowerCase()}-${pad(i)}.${json ? 'json' : 'yaml'}`;
    // Two Contacts in different teams share a Name: one cross-file finding pair.
    let text: string;
    if (!json && kind === 'Contact' && (i === 5 || i === files - 5)) {
      text = resourceYaml(i, kind, 'none', 'shared-oncall');
      clash[i === 5 ? 0 : 1] = rel;
    } else text = json ? resourceJson(i, kind, flaw) : resourceYaml(i, kind, flaw);
    if (json) jsonFiles++;
    else yamlFiles++;
    writeFileSync(join(root, rel), text);
    bytes += Buffer.byteLength(text);
  }
  return { root, files, bytes, teams, flawed, clash, yamlFiles, jsonFiles };
}
