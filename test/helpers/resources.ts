/**
 * Resources the action tests send, written once: each takes the parts a test
 * varies (the target URL and its references) and returns the file's text.
 */

/**
 * A Tencent Cloud alarm callback (metric alarm, CVM CPU above 90 %) posted to
 * `url`, which may carry `${secret:…}` userinfo for basic authentication.
 */
export function alarmCallbackYaml(url: string): string {
  return `apiVersion: alertcfg/v1
kind: AlarmCallback
metadata:
  name: cvm-cpu-high
target:
  url: ${url}
spec:
  sessionId: "session-cvm-cpu-0001"
  alarmStatus: 1
  alarmType: metric
  alarmObjInfo:
    region: gz
    namespace: qce/cvm
    dimensions:
      unInstanceId: ins-o9p3rg3m
  alarmPolicyInfo:
    policyId: policy-n4exeh88
    policyType: cvm_device
    policyName: cpu-high
    conditions:
      metricName: cpu_usage
      calcType: ">"
      calcValue: "90"
      currentValue: "97"
      unit: "%"
      period: "60"
      periodNum: "1"
      alarmNotifyType: continuousAlarm
      alarmNotifyPeriod: 300
  firstOccurTime: "2024-05-20 07:00:00"
  durationTime: 500
  recoverTime: "0"
`;
}

/**
 * A Huawei AOM event report of one event (disk full on an ECS), pushed to
 * `endpoint`; with `clear`, the same event cleared (`action: clear`, `ends_at`).
 */
export function eventReportYaml(o: { endpoint: string; projectId: string; name: string; clear?: boolean }): string {
  return `apiVersion: alertcfg/v1
kind: EventReport
metadata:
  name: ${o.name}
target:
  projectId: ${o.projectId}
  endpoint: ${o.endpoint}
${o.clear ? 'action: clear\n' : ''}spec:
  events:
    - id: "6d7c5d8a-disk-full-ecs-0123"
${o.clear ? '      ends_at: 1716192000000\n' : ''}      starts_at: 1716188400000
      timeout: 259200000
      metadata:
        event_name: disk-full
        event_severity: Major
        event_type: alarm
        resource_provider: ecs
        resource_type: vm
        resource_id: ecs-0123
      annotations:
        message: Disk /data is 95% full
`;
}

/**
 * A Contact with one error (MissingParameter.Name) and two warnings (the near-miss
 * key `Emial`, a webhook on plain http), the file the editor tests open first.
 */
export const BROKEN_CONTACT_YAML = `apiVersion: alertcfg/v1
kind: Contact
metadata:
  name: broken
spec:
  Emial: sre@example.com
  Webhook:
    Address: http://alerts.example.com/hooks/vmp
    Token: \${secret:e2e-webhook-token}
`;
