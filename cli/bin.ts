#!/usr/bin/env node
// The installed package's command (package.json `bin`): compiled JavaScript, no TypeScript at run time.
import { EXIT } from '../toolErrors';
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Each command reports the errors of ours it meets (commandOutput's fail); what reaches here is a bug.
    console.error(
      `payscore-conformance: internal error: ${error instanceof Error && error.stack !== undefined ? error.stack : String(error)}`,
    );
    process.exitCode = EXIT.PROBLEM;
  },
);
