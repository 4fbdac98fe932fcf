// @ketenscan/live-protocol: the contract of a live session that the app (src/domain/live,
// src/features/live) and the relay (relay/) both import. Pure: no DOM, no Node APIs; yjs only
// for the document layout. See ../CONTEXT.md.
export * from './bytes';
export * from './ids';
export * from './limits';
export * from './document';
export * from './sealedRecord';
export * from './refusals';
export * from './vote';
