/**
 * Secrets and credentials from the process, shared by the CLI and the language
 * server (when its client has no secret storage): `${env:NAME}` from the
 * environment; `${secret:NAME}` from ALERTCFG_SECRET_<NAME> or a dotenv file
 * (--secrets-file); cloud credentials from the SDKs' usual environment variables.
 */
import { readNamedFile } from './read-errors';
import { parseEnv } from 'node:util';
import { CREDENTIAL_VARIABLES as V, type CredentialSource, type SecretSource, secretEnvName } from '../engine/index';

/** `secretsFile` is an absolute path; `secretsFileName` names it in messages (as the user wrote it). */
export function secretSource(env: NodeJS.ProcessEnv, secretsFile?: string, secretsFileName = secretsFile): SecretSource {
  let fileValues: Record<string, string> = {};
  if (secretsFile) fileValues = parseEnv(readNamedFile(secretsFile, secretsFileName ?? secretsFile, '--secrets-file').toString('utf8')) as Record<string, string>;
  return {
    env: (name) => env[name],
    // The file may use the secret's own name or its environment-variable form.
    secret: (name) => env[secretEnvName(name)] ?? fileValues[name] ?? fileValues[secretEnvName(name)],
  };
}

export function credentialSource(env: NodeJS.ProcessEnv): CredentialSource {
  return {
    huawei: () => {
      const ak = env[V.huaweiAk];
      const sk = env[V.huaweiSk];
      const token = env[V.huaweiToken];
      return ak || sk || token ? { ...(ak ? { ak } : {}), ...(sk ? { sk } : {}), ...(token ? { token } : {}) } : undefined;
    },
    volcengine: () => {
      const accessKeyId = env[V.volcengineAccessKey];
      const secretAccessKey = env[V.volcengineSecretKey];
      if (!accessKeyId || !secretAccessKey) return undefined;
      const sessionToken = env[V.volcengineSessionToken];
      return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
    },
    zstackSession: () => env[V.zstackSession],
  };
}
