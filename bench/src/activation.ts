/**
 * Extension activation in the real VS Code harness (test/e2e/harness.ts: code-server
 * 4.100.3 driven by headless Chromium): the packaged .vsix is installed, a workspace
 * with `.alertcfg.yaml` opened (activation event `workspaceContains`), and timed:
 * - workbench ready (code-server and the workbench page, from the harness);
 * - the extension's own activation time as VS Code reports it (Developer: Show
 *   Running Extensions);
 * - from the workbench being ready to the alertcfg status bar item appearing;
 * - from opening a file with one error to that error showing in the status bar.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPrerequisites, withVsCode } from '../../test/e2e/harness';

export interface ActivationResult {
  ok: boolean;
  reason?: string;
  installMs?: number;
  serverReadyMs?: number;
  workbenchReadyMs?: number;
  /** VS Code's own figure for the extension (activation call), if it could be read. */
  reportedActivationMs?: number;
  reportedActivationText?: string;
  statusBarMs?: number;
  firstProblemMs?: number;
}

export async function measureActivation(vsix: string): Promise<ActivationResult> {
  const pre = checkPrerequisites();
  if (!pre.ok) return { ok: false, reason: pre.reason };
  const ws = mkdtempSync(join(tmpdir(), 'alertcfg-bench-activation-'));
  try {
    writeFileSync(join(ws, '.alertcfg.yaml'), 'include: ["**/*.yaml"]\n');
    writeFileSync(join(ws, 'contact.yaml'), 'apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: sre\nspec:\n  Email: sre@example.com\n');
    return await withVsCode({ name: 'bench-activation', workspace: ws, vsix, startTimeoutMs: 120_000 }, async (vs) => {
      const out: ActivationResult = { ok: true, ...vs.timings };
      const t0 = Date.now();
      await vs.waitFor(() => vs.page.$('[id*="alertcfg.status"]'), 60_000, 'the alertcfg status bar item');
      out.statusBarMs = Date.now() - t0;
      const t1 = Date.now();
      await vs.openFile('contact.yaml');
      await vs.waitFor(async () => /Errors: [1-9]/.test(await vs.statusProblems()), 60_000, 'the error in the status bar');
      out.firstProblemMs = Date.now() - t1;
      try {
        await vs.runCommand('Developer: Show Running Extensions');
        const text = await vs.waitFor(
          () => vs.page.$$eval('.runtime-extensions-editor .monaco-list-row', (rows) => (rows as unknown as { innerText: string }[]).map((r) => r.innerText).find((t) => /alert/i.test(t)) ?? ''),
          20_000,
          'the running extensions list',
        );
        out.reportedActivationText = text.replace(/\s+/g, ' ').trim();
        const m = /activation[^0-9]*?(\d+)\s*ms/i.exec(out.reportedActivationText);
        if (m) out.reportedActivationMs = Number(m[1]);
      } catch (err) {
        out.reportedActivationText = `not read: ${(err as Error).message.split('\n')[0]}`;
      }
      return out;
    });
  } catch (err) {
    return { ok: false, reason: (err as Error).message.split('\n').slice(0, 3).join(' ') };
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}
