import { groupAlike } from '.';

describe('groupAlike: repeated failures shown once', () => {
  it('keeps the first of each kind whole and counts the rest with their case files', () => {
    const race = Array.from({ length: 7 }, (_, i) => ({
      like: 'IDEMP-SAME idempotent_replay',
      text: `IDEMP-SAME failed ${i}\n  curl: …`,
      caseFile: `cases/IDEMP-SAME-${i}.json`,
    }));
    const other = { like: 'RESP-SIGNED response_signature_conformance', text: 'RESP-SIGNED failed' };
    const shown = groupAlike([race[0]!, other, ...race.slice(1)]);
    expect(shown).toEqual([
      `IDEMP-SAME failed 0\n  curl: …\n  … 6 more like it, case files: ${race
        .slice(1)
        .map((r) => r.caseFile)
        .join(', ')}`,
      'RESP-SIGNED failed',
    ]);
  });

  it('names at most ten case files and counts the others', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ like: 'A', text: `t${i}`, caseFile: `c${i}` }));
    const [shown] = groupAlike(many);
    expect(shown).toMatch(/… 13 more like it, case files: c1, c2, .*c10 and 3 more$/);
  });

  it('leaves a lone failure as it was', () => {
    expect(groupAlike([{ like: 'A', text: 'only' }])).toEqual(['only']);
  });
});
