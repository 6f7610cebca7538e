// Jest reporter for `payscore-conformance run`: one line per conformance test as it finishes
// (rule ID first), so a long run shows progress; Jest's own summary stays out of the way.
'use strict';

class ProgressReporter {
  constructor() {
    this.done = 0;
    this.failed = 0;
  }

  onRunStart(results) {
    process.stdout.write(`running ${results.numTotalTestSuites} suite file(s)\n`);
  }

  onTestCaseResult(_test, result) {
    this.done += 1;
    const mark = result.status === 'passed' ? '✓' : result.status === 'failed' ? '✗' : '-';
    if (result.status === 'failed') this.failed += 1;
    process.stdout.write(`  ${mark} ${result.title} (${Math.round(result.duration ?? 0)} ms)\n`);
  }

  onTestResult(test, result) {
    if (result.testExecError) {
      process.stdout.write(`  ✗ ${test.path}: could not run: ${result.testExecError.message}\n`);
    }
  }

  getLastError() {
    return undefined;
  }
}

module.exports = ProgressReporter;
