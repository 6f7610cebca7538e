// The mock's live console (/__console): requests as they arrive, the orders, switchable faults and readings.
export { CONSOLE_PATH, createConsole } from './consoleRoutes';
export type { ConsoleOutcome, ConsoleReply, ConsoleRequest, MockConsole } from './consoleRoutes';
export { FEED_CAPACITY, requestFeed } from './requestFeed';
export type { FeedEntry, FeedInput, RequestFeed } from './requestFeed';
export { sendReply } from './sendReply';
