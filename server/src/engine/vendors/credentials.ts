/**
 * A vendor's credentials in a plan: the first complete form of what the vendor
 * accepts (Huawei: AK/SK, then an IAM token), each value masked from then on and
 * known to come from its environment variable; or, when none is complete, a
 * missing value that stops sending (a preview shows `<unset: …>` in its place).
 */
import type { PlanBuilder } from '../actions/build/context';
import type { CredentialForm, CredentialSpec, VendorModule } from './types';

/** The first form whose required fields are all set in `values`. */
export function completeForm(spec: CredentialSpec, values: Readonly<Record<string, string>> | undefined): CredentialForm | undefined {
  if (!values) return undefined;
  return spec.forms.find((f) => f.fields.every((x) => x.optional === true || Boolean(values[x.key])));
}

function required(form: CredentialForm): string[] {
  return form.fields.filter((f) => !f.optional).map((f) => f.variable);
}

/** `VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY`; forms joined with `, or `. */
export function formVariables(spec: CredentialSpec): string {
  return spec.forms.map((f) => required(f).join(' and ')).join(', or ');
}

/**
 * The credentials `vendor` needs, by field key, from the plan's credential source;
 * a string (the `<unset: …>` marker) when they are not set.
 */
export function takeCredentials(b: PlanBuilder, vendor: VendorModule): Record<string, string> | string {
  const spec = vendor.credentials;
  if (!spec) throw new Error(`the vendor ${vendor.id} has no credentials`);
  const stored = b.input.credentials.get(spec.provider);
  const form = completeForm(spec, stored);
  if (form && stored) {
    const values: Record<string, string> = {};
    for (const f of form.fields) {
      const v = stored[f.key];
      if (!v) continue;
      b.credential(v, f.variable, f.secret);
      values[f.key] = v;
    }
    return values;
  }
  const shown = formVariables(spec);
  return b.missingValue(
    `${vendor.label} credentials`,
    spec.forms.flatMap(required),
    `No ${vendor.label} credentials: set ${shown} in the CLI's environment, or run Alert Config: Set Credentials in VS Code.`,
    shown,
  );
}
