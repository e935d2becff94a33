// Stable empty values for store selectors: a selector that returns a fresh [] on every call makes
// useSyncExternalStore re-render forever.
export const EMPTY_LIST: readonly never[] = Object.freeze([]);
