/**
 * SARIF 2.1.0 for code-scanning upload: one run, a rule per code that occurs (its
 * title and doc source from the catalog), a result per finding with its region.
 */
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import { pathToFileURL } from 'node:url';
import { codeDoc } from '../../engine/check';
import type { RunReport } from './model';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(r: RunReport, version: string, cwd: string): string {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'alertcfg', toolDriverVersion: version });
  const seen = new Set<string>();
  for (const f of r.files) {
    for (const x of f.findings) {
      if (!seen.has(x.code)) {
        seen.add(x.code);
        const doc = codeDoc(x.code);
        run.addRule(new SarifRuleBuilder().initSimple({ ruleId: x.code, shortDescriptionText: doc?.title ?? x.code, fullDescriptionText: doc ? `${doc.title}. Source: ${doc.source}` : x.code }));
      }
      const result = new SarifResultBuilder().initSimple({ ruleId: x.code, level: LEVEL[x.severity], messageText: x.message, fileUri: f.file, startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn });
      // Paths are relative to the directory alertcfg ran in: say so, for code scanning.
      const loc = result.result.locations?.[0]?.physicalLocation?.artifactLocation;
      if (loc) loc.uriBaseId = '%SRCROOT%';
      if (x.related?.length) {
        result.result.relatedLocations = x.related.map((r, id) => ({
          id,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: r.file || f.file, uriBaseId: '%SRCROOT%' }, region: { startLine: r.line, startColumn: r.column } },
        }));
      }
      run.addResult(result);
    }
  }
  run.run.originalUriBaseIds = { '%SRCROOT%': { uri: pathToFileURL(`${cwd}/`).href } };
  const builder = new SarifBuilder();
  builder.addRun(run);
  return `${builder.buildSarifJsonString({ indent: true })}\n`;
}
