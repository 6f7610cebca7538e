type Json = Record<string, unknown>;

const segmentsOf = (pointer: string): string[] => pointer.split('/').slice(1);

/** A field path ('/post_payments/*\/name') made concrete for one item index. */
export function concrete(path: string, index = 0): string {
  return path
    .split('/')
    .map((s) => (s === '*' ? String(index) : s))
    .join('/');
}

/** The value at a concrete pointer, or undefined. */
export function getAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const s of segmentsOf(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[s];
  }
  return node;
}

function parentOf(root: unknown, pointer: string): { holder: Json; key: string } {
  const segments = segmentsOf(pointer);
  const key = segments.pop();
  const holder = getAt(root, segments.length === 0 ? '' : `/${segments.join('/')}`);
  if (key === undefined || holder === null || typeof holder !== 'object') throw new Error(`no parent for ${pointer}`);
  return { holder: holder as Json, key };
}

/** Sets the value at a concrete pointer in place; the parent must exist. */
export function setAt(root: unknown, pointer: string, value: unknown): void {
  const { holder, key } = parentOf(root, pointer);
  holder[key] = value;
}

/** Deletes the property at a concrete pointer in place. */
export function deleteAt(root: unknown, pointer: string): void {
  const { holder, key } = parentOf(root, pointer);
  delete holder[key];
}
