export type { OrderKey, OrderStore, StoredOrder } from './OrderStore';
export { sqliteOrderStore } from './sqliteOrderStore';
export type { SqliteStoreOptions } from './sqliteOrderStore';
export { createClock, createNonceCache, createOrderBook, EXPIRY_MS } from './orderBook';
export type { Clock, NonceCache, OrderBook } from './orderBook';
