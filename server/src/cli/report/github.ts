/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), so findings
 * show as annotations on the pull request.
 */
import type { RunReport } from './model';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Escaping as the workflow-command syntax requires. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(r: RunReport): string {
  const out: string[] = [];
  for (const f of r.files) {
    for (const x of f.findings) {
      out.push(`::${LEVEL[x.severity]} file=${prop(f.file)},line=${x.line},col=${x.column},endLine=${x.endLine},endColumn=${x.endColumn},title=${prop(x.code)}::${data(x.message)}`);
    }
  }
  for (const s of r.skipped) out.push(`::notice file=${prop(s.file)},title=skipped::${data(s.reason)}`);
  return out.length ? `${out.join('\n')}\n` : '';
}
