// Live sessions: pure protocol and crypto, shared by the app (loaded lazily) and the relay.
export * from './bytes';
export * from './ids';
export * from './envelope';
export * from './sealed';
export * from './definition';
export * from './joinCode';
export * from './link';
export * from './document';
export * from './records';
export * from './responseRecord';
