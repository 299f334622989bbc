// Wraps every Intl constructor and locale-aware method so that each use is reported: the first one pages
// in about 8 MB of ICU data. Used by icu-probe.mjs (nothing at import time) and tests/no-icu-replies.test.ts
// (nothing while building briefing replies). Returns the function that puts everything back.
const LOCALE_METHODS = [
  [String.prototype, 'localeCompare'],
  [Number.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleDateString'],
  [Date.prototype, 'toLocaleTimeString'],
];

export function recordIcu(record) {
  const undo = [];
  const replace = (owner, name, value) => {
    const original = owner[name];
    owner[name] = value(original);
    undo.push(() => (owner[name] = original));
  };
  for (const name of Object.getOwnPropertyNames(Intl)) {
    if (typeof Intl[name] !== 'function') continue;
    replace(Intl, name, (original) =>
      new Proxy(original, {
        construct(target, args, newTarget) {
          record(`new Intl.${name}`);
          return Reflect.construct(target, args, newTarget);
        },
        apply(target, self, args) {
          record(`Intl.${name}()`);
          return Reflect.apply(target, self, args);
        },
      }),
    );
  }
  for (const [prototype, name] of LOCALE_METHODS) {
    replace(prototype, name, (original) =>
      function (...args) {
        record(name);
        return original.apply(this, args);
      },
    );
  }
  return () => undo.forEach((restore) => restore());
}
