/**
 * The language server's ports in a web worker (VS Code for the Web: github.dev,
 * vscode.dev). Files are read through the client; paths are URIs. Signing uses the
 * engine's own SHA-256 and HMAC (`PURE_CRYPTO`): the crypto port is synchronous
 * and WebCrypto is not (docs/architecture.md, "The crypto port"). Nothing is sent:
 * browsers block the cross-origin calls the vendors' APIs would need, so there is
 * no delivery, and there is no environment to take secrets from.
 */
import { PURE_CRYPTO } from '../../engine/index';
import type { Logger } from '../safe';
import { ClientFiles, type RequestSender } from './client-files';
import type { LspPlatform } from './types';
import { URI_PATHS } from './uri-paths';

export function browserPlatform(client: RequestSender, logger: Logger): LspPlatform {
  return {
    paths: URI_PATHS,
    files: new ClientFiles(client, URI_PATHS, logger),
    crypto: PURE_CRYPTO,
    fallbackSecrets: { env: () => undefined, secret: () => undefined },
    fallbackCredentials: { get: () => undefined },
    heap: { check: () => undefined },
    rulesDoc: undefined,
    lastResort: (message) => console.error(message),
  };
}
