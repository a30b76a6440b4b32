/**
 * Secrets and credentials from the process, shared by the CLI and the language
 * server (when its client has no secret storage): `${env:NAME}` from the
 * environment; `${secret:NAME}` from ALERTCFG_SECRET_<NAME> or a dotenv file
 * (--secrets-file); cloud credentials from the SDKs' usual environment variables.
 */
import { readNamedFile } from './read-errors';
import { parseEnv } from 'node:util';
import { type CredentialSource, type SecretSource, credentialSpec, secretEnvName } from '../engine/index';

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

/** Each vendor's credentials from the environment variables its module names (`VOLCENGINE_ACCESS_KEY`, …). */
export function credentialSource(env: NodeJS.ProcessEnv): CredentialSource {
  return {
    get(provider) {
      const spec = credentialSpec(provider);
      if (!spec) return undefined;
      const values: Record<string, string> = {};
      for (const form of spec.forms) for (const f of form.fields) if (env[f.variable]) values[f.key] = env[f.variable]!;
      return Object.keys(values).length ? values : undefined;
    },
  };
}
