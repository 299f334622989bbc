// Formatting kept per loaded content object. A briefing and its items never change once loaded (a reload
// builds new ones), so what an item formats to can be kept for as long as the item lives; long lists
// (thousands of quotes) then cost nothing to re-render on a page turn.

/** The value cached for `item`, computing and keeping it the first time. */
export function cached<Item extends object, Value>(cache: WeakMap<Item, Value>, item: Item, compute: () => Value): Value {
  let value = cache.get(item);
  if (value === undefined) {
    value = compute();
    cache.set(item, value);
  }
  return value;
}
