/**
 * Renders docs/rules.md from the catalog: what codes are and how to configure and
 * suppress them, a table of contents, and one section per code with its default
 * severity, title, source, bad and good examples and quick fix. `npm run
 * docs:rules` writes the file; test/unit/rules-doc.test.ts keeps it equal.
 */
import { CATALOG, type CodeDoc, codeAnchor } from '../../server/src/engine/index';

/** Why a code has no example: what it is about cannot be shown in a short document. */
const NO_EXAMPLE: Readonly<Record<string, string>> = {
  'nesting-too-deep': 'It takes a document nested more than 500 levels deep.',
  'alias-expansion-limit': 'It takes YAML aliases that expand to more than 2,000,000 nodes.',
  'encoding-error': 'It is about the bytes of a file that is not valid UTF-8 (for example one saved as GBK or Latin-1).',
  'file-too-large': 'It is about a file larger than the `maxFileSize` setting (10 MiB by default).',
  'too-many-documents': 'It takes a file of more documents than the `maxDocuments` setting (50,000 by default). The finding sits on the first document that was not checked.',
  'time-budget-exceeded': 'It takes a document whose schema check and rules run for more than 2 seconds (hundreds of thousands of findings). The findings made before the budget ran out are kept.',
  'internal-error': 'It reports a failure of alertcfg itself, not a mistake in the document.',
  'message-too-long': 'It takes a `params.testMsg` of more than 20,000 bytes (UTF-8; a Chinese character counts 3). Shorten the message.',
};

/** Catalog text (plain, as SARIF shows it) as Markdown: `<mobile>` must not read as an HTML tag. */
function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cell(s: string): string {
  return text(s).replace(/\|/g, '\\|');
}

/** A code as it reads in a heading: a family is written with its placeholder. */
function display(code: string): string {
  return code.endsWith('.*') ? `${code.slice(0, -2)}.<Field>` : code;
}

function section(d: CodeDoc): string {
  const out: string[] = [];
  out.push(`<a id="${codeAnchor(d.code)}"></a>`, '', `### \`${display(d.code)}\``, '');
  out.push(`**Default severity:** ${d.severity}`, '');
  out.push(`${text(d.title)}.`, '');
  if (d.code.endsWith('.*')) {
    const family = d.code.slice(0, -2);
    out.push(`A family of codes: the field's path inside \`spec\` follows the dot (\`${family}.Name\`, \`${family}.DingTalkBotWebhook.Address\`). In the \`rules\` setting and in suppression comments, \`${family}\` covers them all.`, '');
  }
  out.push(`**Source:** ${text(d.source)}`, '');
  if (d.bad && d.good) {
    out.push('**Bad:**', '', '```yaml', d.bad.trimEnd(), '```', '');
    out.push('**Good:**', '', '```yaml', d.good.trimEnd(), '```', '');
  } else {
    out.push(`*No example:* ${NO_EXAMPLE[d.code] ?? 'it cannot be shown in a short document.'}`, '');
  }
  if (d.fix) out.push(`**Quick fix:** ${d.fix}`, '');
  if (d.note) out.push(`**Note:** ${text(d.note)}`, '');
  return out.join('\n');
}

export function renderRulesDoc(): string {
  const out: string[] = [];
  out.push(
    '# alertcfg rules',
    '',
    '<!-- Generated from server/src/engine/rules/catalog.ts by `npm run docs:rules`. Do not edit by hand. -->',
    '',
    'Every finding alertcfg reports has a stable **code**. The code names the rule, the',
    'editor links it to its section below, and configuration and suppression comments refer to it.',
    'Where the vendor documents its own error codes, alertcfg uses them: Volcengine\'s',
    '`MissingParameter.<Field>`, `InvalidParameter.<Field>` and `Conflict.Name` for contacts.',
    'Every other code is a kebab-case id. Each section gives the default severity, the sentence of',
    'the vendor doc (or of the research notes) that the rule comes from, a bad and a good example,',
    'and the quick fix the editor offers, if there is one.',
    '',
    '## Configuring severities',
    '',
    'Change the severity of a code, or turn it off, under `rules:` in `.alertcfg.yaml` (or the',
    'VS Code setting `alertcfg.rules`). The values are `error`, `warning`, `info`, `hint` and `off`.',
    'A family name such as `MissingParameter` covers all its codes. The most specific name wins:',
    '',
    '```yaml',
    'rules:',
    '  secret-in-plaintext: error',
    '  MissingParameter: warning',
    '  MissingParameter.Name: error',
    '  timeout-ambiguous: off',
    '```',
    '',
    '## Suppressing one finding',
    '',
    'A comment on the line before a finding suppresses it:',
    '',
    '```yaml',
    '# alertcfg-disable-next-line secret-in-plaintext',
    'SecretKey: SEC0123456789',
    '```',
    '',
    'List several codes separated by spaces or commas. A family name covers all its codes, and a',
    'comment without codes suppresses every finding on the next line. JSON has no comments: in JSON',
    'files, use the `rules` setting.',
    '',
    '## Contents',
    '',
    '| code | default severity | title |',
    '|---|---|---|',
    ...CATALOG.map((d) => `| [\`${display(d.code)}\`](#${codeAnchor(d.code)}) | ${d.severity} | ${cell(d.title)} |`),
    '',
    '## Rules',
    '',
  );
  for (const d of CATALOG) out.push(section(d));
  return `${out.join('\n').trimEnd()}\n`;
}
