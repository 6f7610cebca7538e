import { junitXml, readTestcases } from '.';

describe('the one JUnit writer', () => {
  const doc = junitXml({
    name: 'run <1>',
    timeMs: 1500,
    suites: [
      {
        name: 'notify',
        timeMs: 1500,
        cases: [
          { classname: 'notify', name: 'RECV-GENUINE "a" & <b>', timeMs: 1000, properties: [['rule', 'RECV-GENUINE']] },
          {
            classname: 'notify',
            name: 'RECV-DEADLINE late',
            failure: { message: 'RECV-DEADLINE', text: 'bell \u0007 here' },
          },
          { classname: 'pact verify', name: 'x is a pact', error: { message: 'unreadable', text: 'unreadable' } },
        ],
      },
    ],
  });

  it('counts tests, failures and errors on the root and the suite', () => {
    expect(doc).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="run &lt;1&gt;" tests="3" failures="1" errors="1" time="1.500">/,
    );
    expect(doc).toContain(
      '<testsuite name="notify" tests="3" failures="1" errors="0" skipped="0" time="1.500">'.replace(
        'errors="0"',
        'errors="1"',
      ),
    );
  });

  it('escapes markup and shows control characters as \\uXXXX (XML 1.0 cannot carry them)', () => {
    expect(doc).toContain('name="RECV-GENUINE &quot;a&quot; &amp; &lt;b&gt;"');
    expect(doc).toContain('bell \\u0007 here');
    expect(doc).not.toMatch(/[\u0000-\u0008]/);
  });

  it('reads back the testcases it wrote, names unescaped', () => {
    expect(readTestcases(doc).map((t) => t.name)).toEqual([
      'RECV-GENUINE "a" & <b>',
      'RECV-DEADLINE late',
      'x is a pact',
    ]);
  });

  it('writes a time only where one is given, and properties as name/value pairs', () => {
    expect(doc).toContain('<testcase classname="notify" name="RECV-DEADLINE late">');
    expect(doc).toContain('<property name="rule" value="RECV-GENUINE"/>');
  });
});
