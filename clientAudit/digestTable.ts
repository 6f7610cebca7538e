// What a session remembers of every request it ever saw (each nonce, each out_order_no with its parameters), in
// typed arrays: about 40 bytes a request, where a Map of strings costs several hundred once the garbage
// collector's headroom is counted. A week-long `mock --audit` session keeps millions of them.
import { createHash } from 'node:crypto';

/** 104 bits of SHA-256 as two 52-bit integers (exact in a double): a collision is out of reach in any session. */
function digestOf(text: string): [number, number] {
  const hash = createHash('sha256').update(text).digest();
  return [hash.readUIntBE(0, 6) * 16 + (hash[6]! >> 4), hash.readUIntBE(7, 6) * 16 + (hash[13]! >> 4)];
}

export interface DigestTable {
  /** The entry for `key`: the index it was first seen at, and the digest of the value stored with it. */
  get(key: string): { index: number; value: number } | undefined;
  /** Remembers `key` (first time only) with the index it is seen at and a value's digest (0 when none). */
  add(key: string, index: number, value?: string): void;
  readonly size: number;
}

/** A value's digest as one number, for comparing two values of one key (52 bits). */
export const valueDigest = (value: string): number => digestOf(value)[0] + 1;

/** Slots grow by doubling past this load: linear probing stays short, memory stays near 1.5 slots a key. */
const MAX_LOAD = 0.7;

/** An open-addressing hash table over digests; `withValues: false` keeps no value digests (the nonces). */
export function digestTable(initialSlots = 1024, withValues = true): DigestTable {
  let slots = initialSlots;
  let high = new Float64Array(slots);
  let low = new Float64Array(slots);
  let index = new Int32Array(slots);
  let value = new Float64Array(withValues ? slots : 0);
  let size = 0;
  // Slot of the key, or of the empty place where it would go (high 0 marks an empty slot; digests are + 1).
  const slotOf = (h: number, l: number): number => {
    let s = (h + l) % slots;
    while (high[s] !== 0 && (high[s] !== h || low[s] !== l)) s = (s + 1) % slots;
    return s;
  };
  const grow = (): void => {
    const old = { high, low, index, value };
    slots *= 2;
    [high, low, index, value] = [
      new Float64Array(slots),
      new Float64Array(slots),
      new Int32Array(slots),
      new Float64Array(withValues ? slots : 0),
    ];
    for (let s = 0; s < old.high.length; s++) {
      if (old.high[s] === 0) continue;
      const t = slotOf(old.high[s]!, old.low[s]!);
      [high[t], low[t], index[t]] = [old.high[s]!, old.low[s]!, old.index[s]!];
      if (withValues) value[t] = old.value[s]!;
    }
  };
  return {
    get(key) {
      const [h, l] = digestOf(key);
      const s = slotOf(h + 1, l);
      return high[s] === 0 ? undefined : { index: index[s]!, value: withValues ? value[s]! : 0 };
    },
    add(key, at, stored) {
      const [h, l] = digestOf(key);
      let s = slotOf(h + 1, l);
      if (high[s] !== 0) return;
      if (size + 1 > slots * MAX_LOAD) {
        grow();
        s = slotOf(h + 1, l);
      }
      [high[s], low[s], index[s]] = [h + 1, l, at];
      if (withValues) value[s] = stored === undefined ? 0 : valueDigest(stored);
      size += 1;
    },
    get size() {
      return size;
    },
  };
}
