/**
 * Minimal clients for the stand-in tests, signing with the vendors' official
 * SDK signers (not the product's): Volcengine's `Signer` of @volcengine/openapi
 * and Huawei's `AKSKSigner.sign()` of @huaweicloud/huaweicloud-sdk-core.
 * Requests go out through plain node:http.
 */
import * as http from 'node:http';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials';
import Signer from '@volcengine/openapi/lib/base/sign';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface Outgoing {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends `req` and reads the whole answer (JSON parsed when it is JSON). */
export function send(req: Outgoing): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const r = http.request(req.url, { method: req.method ?? 'POST', headers: req.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/** A VMP client: every action `POST /?Action=…&Version=…`, signed by the official Signer. */
export function volcengineClient(base: string, accessKeyId: string, secretKey: string, region = 'cn-beijing') {
  const sign = (action: string, body: unknown, version = '2021-03-03'): Outgoing => {
    const text = JSON.stringify(body);
    const signer = new Signer({ region, method: 'POST', pathname: '/', params: { Action: action, Version: version }, headers: { Host: new URL(base).host }, body: text }, 'vmp');
    signer.addAuthorization({ accessKeyId, secretKey });
    const query = new URLSearchParams({ Action: action, Version: version }).toString();
    return { url: `${base}/?${query}`, method: 'POST', headers: { ...(signer.request.headers as Record<string, string>), 'Content-Type': 'application/json' }, body: text };
  };
  return {
    sign,
    /** Sends a signed action; the answer. */
    call: (action: string, body: unknown = {}) => send(sign(action, body)),
    /** `Result` of a signed action that must succeed (throws with the answer otherwise). */
    async result(action: string, body: unknown = {}): Promise<any> {
      const r = await send(sign(action, body));
      if (r.status !== 200 || !r.json?.Result) throw new Error(`${action} → ${r.status} ${r.text}`);
      return r.json.Result;
    },
  };
}

/** A Huawei client signing with `AKSKSigner.sign()` and sending the body it hashed. */
export function huaweiClient(base: string, ak: string, sk: string) {
  const cred = new BasicCredentials().withAk(ak).withSk(sk);
  const sign = (method: string, path: string, query: Record<string, string> = {}, data?: unknown): Outgoing => {
    const qs = new URLSearchParams(query).toString();
    const headers: Record<string, string> = data === undefined ? {} : { 'content-type': 'application/json' };
    const signed = AKSKSigner.sign({ endpoint: `${base}${path}`, method, headers, queryParams: query, data }, cred) as Record<string, string>;
    return { url: `${base}${path}${qs ? `?${qs}` : ''}`, method, headers: signed, body: data === undefined ? '' : JSON.stringify(data) };
  };
  return { sign, call: (method: string, path: string, query: Record<string, string> = {}, data?: unknown) => send(sign(method, path, query, data)) };
}
