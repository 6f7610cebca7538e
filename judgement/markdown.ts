// The Markdown every report of ours is written in: one cell escaping, one table and list shape, so the
// auditor report and pact verify's report read alike.

/** A table cell: pipes escaped, new lines folded (a cell is one line). */
export const mdCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A table: the header, its rule, a row per entry (cells escaped by the caller where they hold free text). */
export const mdTable = (header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] => [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

/** A bulleted list under a bold title (and a plain remark after it), or nothing when there is nothing to list. */
export const mdList = (title: string, items: readonly string[], remark?: string): string[] =>
  items.length === 0
    ? []
    : ['', `**${title}**${remark === undefined ? '' : ` ${remark}`}`, '', ...items.map((l) => `- ${l}`)];
