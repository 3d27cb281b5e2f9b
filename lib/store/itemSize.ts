// DynamoDB's size rules, checked before a write instead of learned from a
// ValidationException half-way through one: an item is at most 400 KB, counted
// as the UTF-8 bytes of every attribute name and value.
type Value = unknown;

/** Items are refused above 400 KB; keep a margin for the attributes the codec adds around the data. */
export const ITEM_MAX_BYTES = 400 * 1024 - 4 * 1024;

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function valueBytes(v: Value): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'string') return utf8(v);
  if (typeof v === 'number') return Math.ceil(String(v).replace(/^-|\.|e.*$/g, '').length / 2) + 1;
  if (typeof v === 'boolean') return 1;
  if (v instanceof Uint8Array) return v.byteLength;
  if (v instanceof Set) return [...v].reduce((n: number, x) => n + valueBytes(x), 0);
  if (Array.isArray(v)) return 3 + v.reduce((n: number, x) => n + 1 + valueBytes(x), 0);
  if (typeof v === 'object')
    return 3 + Object.entries(v as Record<string, unknown>).reduce((n, [k, x]) => n + 1 + utf8(k) + valueBytes(x), 0);
  return utf8(String(v));
}

/** The stored size of an item as DynamoDB counts it (close enough to stay under the limit). */
export function itemBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((n, [k, v]) => (v === undefined ? n : n + utf8(k) + valueBytes(v)), 0);
}
