// Generated from the vendors registry (server/src/engine/vendors/) by `npm run schemas`;
// test/unit/vendors/credential-table.test.ts keeps it equal. Do not edit.

/** The credentials each vendor takes, for adapters that must not load the vendor modules (the VS Code client). */
export const CREDENTIAL_TABLE = [
  {
    "provider": "volcengine",
    "forms": [
      {
        "label": {
          "en": "Volcengine AK/SK",
          "zh": "火山引擎 AK/SK"
        },
        "fields": [
          {
            "key": "accessKeyId",
            "label": {
              "en": "Access key ID",
              "zh": "Access Key ID"
            },
            "variable": "VOLCENGINE_ACCESS_KEY",
            "secret": false
          },
          {
            "key": "secretAccessKey",
            "label": {
              "en": "Secret access key",
              "zh": "Secret Access Key"
            },
            "variable": "VOLCENGINE_SECRET_KEY",
            "secret": true
          },
          {
            "key": "sessionToken",
            "label": {
              "en": "Session token (STS, optional)",
              "zh": "会话令牌（STS，可选）"
            },
            "variable": "VOLCENGINE_SESSION_TOKEN",
            "secret": true,
            "optional": true
          }
        ]
      }
    ]
  },
  {
    "provider": "huawei",
    "forms": [
      {
        "label": {
          "en": "Huawei Cloud AK/SK",
          "zh": "华为云 AK/SK"
        },
        "fields": [
          {
            "key": "ak",
            "label": {
              "en": "Access key (AK)",
              "zh": "访问密钥 ID（AK）"
            },
            "variable": "HUAWEICLOUD_SDK_AK",
            "secret": false
          },
          {
            "key": "sk",
            "label": {
              "en": "Secret key (SK)",
              "zh": "秘密访问密钥（SK）"
            },
            "variable": "HUAWEICLOUD_SDK_SK",
            "secret": true
          }
        ]
      },
      {
        "label": {
          "en": "Huawei Cloud IAM token",
          "zh": "华为云 IAM 令牌"
        },
        "fields": [
          {
            "key": "token",
            "label": {
              "en": "IAM token (X-Auth-Token)",
              "zh": "IAM 令牌（X-Auth-Token）"
            },
            "variable": "HUAWEICLOUD_SDK_TOKEN",
            "secret": true
          }
        ]
      }
    ]
  },
  {
    "provider": "zstack",
    "forms": [
      {
        "label": {
          "en": "ZStack session",
          "zh": "ZStack 会话"
        },
        "fields": [
          {
            "key": "session",
            "label": {
              "en": "Session UUID",
              "zh": "会话 UUID"
            },
            "variable": "ZSTACK_SESSION_UUID",
            "secret": true
          }
        ]
      }
    ]
  }
] as const;
