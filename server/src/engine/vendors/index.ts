/**
 * The vendors registry: every vendor the engine talks to, each in its own module.
 * Reports read answers through it, delivery asks it whether a refusal may be sent
 * again, and the credential stores (the CLI's environment, the editor's secret
 * storage) ask it which credentials exist, under which names and labels. Adding a
 * vendor is one module and one line here.
 */
import { dingtalk } from './dingtalk';
import { huawei } from './huawei';
import { lark } from './lark';
import { tencent } from './tencent';
import type { AnswerReader, CredentialSpec, VendorModule } from './types';
import { volcengine } from './volcengine';
import { webhook } from './webhook';
import { wecom } from './wecom';
import { zstack } from './zstack';

const BUILT_IN: readonly VendorModule[] = [volcengine, huawei, tencent, zstack, dingtalk, lark, wecom, webhook];

let listed: readonly VendorModule[] = BUILT_IN;
const readers = new Map<string, AnswerReader>();
for (const v of BUILT_IN) for (const [id, r] of Object.entries(v.answers)) readers.set(id, r);

export function vendorModules(): readonly VendorModule[] {
  return listed;
}

export function vendorModule(id: string): VendorModule | undefined {
  return listed.find((v) => v.id === id);
}

/** How answers of a planned request's `vendor` are read. */
export function answerReader(id: string): AnswerReader | undefined {
  return readers.get(id);
}

/** Every vendor's credentials, in registry order. */
export function credentialSpecs(): CredentialSpec[] {
  return listed.flatMap((v) => (v.credentials ? [v.credentials] : []));
}

export function credentialSpec(provider: string): CredentialSpec | undefined {
  return credentialSpecs().find((c) => c.provider === provider);
}

/** Adds a vendor at run time (embedders, tests); returns a function that removes it again. */
export function registerVendor(module: VendorModule): () => void {
  if (listed.some((v) => v.id === module.id)) throw new Error(`vendor ${module.id} is registered already`);
  const ids = Object.keys(module.answers);
  const taken = ids.find((id) => readers.has(id));
  if (taken) throw new Error(`answers of ${taken} are read by another vendor already`);
  listed = [...listed, module];
  for (const id of ids) readers.set(id, module.answers[id]!);
  return () => {
    listed = listed.filter((v) => v !== module);
    for (const id of ids) readers.delete(id);
  };
}

export type { AnswerReader, CredentialField, CredentialForm, CredentialSpec, Verdict, VendorModule } from './types';
