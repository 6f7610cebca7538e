import type BetterSqlite3 from 'better-sqlite3';
import type { OrderState, StateDescription } from '../../specification';
import { toolError } from '../../toolErrors';
import type { OrderKey, OrderStore, StoredOrder } from './OrderStore';

interface Row {
  mchid: string;
  sub_mchid: string;
  out_order_no: string;
  order_id: string;
  request_canonical: string;
  response_body: string;
  state: string;
  state_description: string | null;
  created_at: number;
  updated_at: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  mchid TEXT NOT NULL, sub_mchid TEXT NOT NULL, out_order_no TEXT NOT NULL,
  order_id TEXT NOT NULL UNIQUE, request_canonical TEXT NOT NULL, response_body TEXT NOT NULL,
  state TEXT NOT NULL, state_description TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  PRIMARY KEY (mchid, sub_mchid, out_order_no)
);
CREATE INDEX IF NOT EXISTS orders_created ON orders (created_at) WHERE state = 'CREATED';
CREATE TABLE IF NOT EXISTS nonces (
  mchid TEXT NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL, PRIMARY KEY (mchid, nonce)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nonces_seen ON nonces (seen_at);`;

function fromRow(row: Row): StoredOrder {
  const order: StoredOrder = {
    mchid: row.mchid,
    subMchid: row.sub_mchid,
    outOrderNo: row.out_order_no,
    orderId: row.order_id,
    requestCanonical: row.request_canonical,
    responseBody: row.response_body,
    state: row.state as OrderState,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.state_description !== null) order.stateDescription = row.state_description as StateDescription;
  return order;
}

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' (the default). */
  path?: string;
  /** NORMAL (default) survives a process kill in WAL mode; FULL also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL';
}

/**
 * better-sqlite3, loaded on first use: `payscore-conformance run` against a foreign target never
 * opens a store, so it works where the native module was not built (npm 11 install scripts).
 */
function openDatabase(path: string): BetterSqlite3.Database {
  let Database: typeof BetterSqlite3;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
    Database = require('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw toolError(
      'PSC_INSTALL',
      `the mock's order store needs better-sqlite3, which did not load (${(error as Error).message.split('\n')[0]}); allow its install script (docs/servers.md: "Install scripts") and reinstall`,
    );
  }
  return new Database(path);
}

/** The OrderStore on SQLite (better-sqlite3): WAL, one row per (mchid, sub_mchid, out_order_no). */
export function sqliteOrderStore(options: SqliteStoreOptions = {}): OrderStore {
  const db = openDatabase(options.path ?? ':memory:');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  // Fewer, larger checkpoints: each one fsyncs the database file; the WAL itself survives a crash.
  db.pragma('wal_autocheckpoint = 4000');
  db.exec(SCHEMA);
  const insert = db.prepare(`INSERT INTO orders VALUES (@mchid, @subMchid, @outOrderNo, @orderId, @requestCanonical,
    @responseBody, @state, @stateDescription, @createdAt, @updatedAt) ON CONFLICT (mchid, sub_mchid, out_order_no) DO NOTHING`);
  const byKey = db.prepare<[string, string, string], Row>(
    'SELECT * FROM orders WHERE mchid = ? AND sub_mchid = ? AND out_order_no = ?',
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM orders WHERE order_id = ?');
  const update = db.prepare('UPDATE orders SET state = ?, state_description = ?, updated_at = ? WHERE order_id = ?');
  const expire = db.prepare(
    "UPDATE orders SET state = 'EXPIRED', state_description = NULL, updated_at = ? WHERE state = 'CREATED' AND created_at < ?",
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM orders');
  // rowid is insertion order: the newest orders in O(limit), however many the store holds.
  const latest = db.prepare<[number], Row>('SELECT * FROM orders ORDER BY rowid DESC LIMIT ?');
  // New, or older than the retention (then it counts as new again): one row changes. A replay changes none.
  const nonce = db.prepare(`INSERT INTO nonces VALUES (?, ?, ?) ON CONFLICT (mchid, nonce)
    DO UPDATE SET seen_at = excluded.seen_at WHERE nonces.seen_at < ?`);
  const forgetNonces = db.prepare('DELETE FROM nonces WHERE seen_at < ?');
  const get = (key: OrderKey): StoredOrder | undefined => {
    const row = byKey.get(key.mchid, key.subMchid, key.outOrderNo);
    return row === undefined ? undefined : fromRow(row);
  };
  // Insert-or-read in one transaction, begun as a writer (IMMEDIATE): concurrent identical creates,
  // from this process or another on the same file (--workers), end with one row.
  const insertOrGet = db.transaction((order: StoredOrder) => {
    const { changes } = insert.run({ ...order, stateDescription: order.stateDescription ?? null });
    if (changes === 1) return { order, inserted: true };
    const stored = get(order);
    if (stored === undefined) throw new Error(`order ${order.outOrderNo} vanished inside its transaction`);
    return { order: stored, inserted: false };
  });
  return {
    insertOrGet: (order) => insertOrGet.immediate(order),
    get,
    getByOrderId: (orderId) => {
      const row = byId.get(orderId);
      return row === undefined ? undefined : fromRow(row);
    },
    setState: (orderId, state, stateDescription, updatedAt) => {
      update.run(state, stateDescription ?? null, updatedAt, orderId);
    },
    expireCreated: (createdBefore, updatedAt) => expire.run(updatedAt, createdBefore).changes,
    count: () => count.get()?.n ?? 0,
    latest: (limit) => latest.all(limit).map(fromRow),
    rememberNonce: (mchid, value, atMs, retentionMs) => nonce.run(mchid, value, atMs, atMs - retentionMs).changes === 0,
    forgetNoncesBefore: (beforeMs) => forgetNonces.run(beforeMs).changes,
    reset: () => {
      db.exec('DELETE FROM orders; DELETE FROM nonces');
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}
