export type { OrderKey, OrderStore, StoredOrder } from './OrderStore';
export { sqliteOrderStore } from './sqliteOrderStore';
export type { SqliteStoreOptions } from './sqliteOrderStore';
export { createOrderBook, EXPIRY_MS } from './orderBook';
export type { OrderBook } from './orderBook';
