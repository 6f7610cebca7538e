// Differences that two runs of the same code show by design, listed (never hidden) as "race" and not
// counted. Each entry says why; keep the matchers narrow: a race must never swallow a changed verdict.
'use strict';

const text = (d) =>
  [d.path, d.before, d.after].map((v) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''))).join(' ');

const RACES = [
  {
    why:
      'notify: the reference receiver answers the 8 MiB body of RECV-HUGE 413 or closes the connection before it is' +
      ' all sent (both pass RECV-HUGE); only a 413 is also judged under RECV-FAIL-BODY, so its count and test list move by one',
    matches: (scenario, d) =>
      scenario.startsWith('notify') &&
      d.section !== 'exit code' &&
      d.section !== 'verdicts' &&
      !/verdict|status|\.failure\b/.test(d.path) &&
      (/RECV-HUGE|RECV-FAIL-BODY/.test(text(d)) ||
        // The HTML row of RECV-FAIL-BODY: its count cell and its rule text with the list of its tests.
        (d.section === 'notify-report.html' &&
          /exchanges judged \/ failed">\d+ \/ 0<|A failure answer \(4XX or 5XX\) carries the body/.test(text(d)))),
  },
];

/** The race a difference belongs to, or undefined. */
const raceOf = (scenario, d) => RACES.find((r) => r.matches(scenario, d));

module.exports = { raceOf, RACES };
