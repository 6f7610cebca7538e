// Repeated findings are shown once: a race test against a racy server found IDEMP-SAME broken seven times,
// each with a full curl of a 2 KB body. The first keeps its reproduction; the rest are counted, with the case
// file that reproduces each (as Schemathesis groups failures of one check).

/** One rendered failure, with what makes failures alike (rule and check) and the case file that replays it. */
export interface RenderedFailure {
  /** Failures with the same key are alike: the same rule broken by the same check. */
  like: string;
  text: string;
  caseFile?: string;
}

/** How many case files are named after "N more like it" before the rest are only counted. */
const NAMED = 10;

/** The failures with every group of alike ones after its first folded into "N more like it" (first-seen order). */
export function groupAlike(failures: readonly RenderedFailure[]): string[] {
  const groups = new Map<string, RenderedFailure[]>();
  for (const f of failures) groups.set(f.like, [...(groups.get(f.like) ?? []), f]);
  return [...groups.values()].map(([first, ...more]) => {
    if (more.length === 0) return first!.text;
    const files = more.flatMap((f) => (f.caseFile === undefined ? [] : [f.caseFile]));
    const named = files.slice(0, NAMED).join(', ');
    const rest = files.length > NAMED ? ` and ${files.length - NAMED} more` : '';
    return `${first!.text}\n  … ${more.length} more like it${files.length === 0 ? '' : `, case files: ${named}${rest}`}`;
  });
}
