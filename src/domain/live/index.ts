// Live sessions on the app's side: crypto, join codes and links, records (loaded lazily). What the
// relay must agree on too (layout, ids, tokens, refusals, limits) is @ketenscan/live-protocol,
// re-exported here so the app has one door to both.
export * from '@ketenscan/live-protocol';
export * from './envelope';
export * from './sealed';
export * from './definition';
export * from './joinCode';
export * from './link';
export * from './records';
export * from './responseRecord';
export * from './ballot';
export * from './summaryRecord';
