// The drivers themselves are programs run by path (reference.js, its faulty twins, the SDK drivers); this is
// the TypeScript kit their tests share: a sandbox mock to drive, and a relay that tampers with its answers.
export { DRIVERS, drive, driveAll, removeSandboxDirs, runDriver, startSandbox } from './driverKit';
export type { DriverName, DriverRun, Outcome, Sandbox } from './driverKit';
export { startRelay } from './relay';
export type { Relay, RelayedAnswer, Tamper } from './relay';
