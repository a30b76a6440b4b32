// Generated from the kinds registry (server/src/engine/kinds/) by `npm run schemas`;
// test/unit/envelope-schema.test.ts keeps it equal. Do not edit.

/** The built-in kinds, for adapters that must not load the engine (the VS Code client, the settings table). */
export const KIND_TABLE = [
  { kind: "Contact", title: "Alert contact", vendor: "Volcengine VMP CreateContact", sync: true },
  { kind: "AlarmCallback", title: "Alarm callback payload", vendor: "Tencent Cloud Monitor alarm callback", sync: false },
  { kind: "DingTalkTestConnection", title: "DingTalk connection test", vendor: "ZStack SNSDingTalkTestConnection", sync: false },
  { kind: "KeyOperationNotification", title: "Key operation notification", vendor: "Huawei Cloud CTS key operation notification", sync: true },
  { kind: "EventReport", title: "Events and alarms", vendor: "Huawei Cloud AOM push events", sync: false },
] as const;
