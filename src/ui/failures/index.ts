export { ActionFailure, classifyFailure, describeErrorDetail, type Failure } from './failure';
export { FAILURE_MESSAGE, failureMessages } from './failureMessages';
export { useAction, type ActionHandle } from './useAction';
export { PagePart } from './PagePart';
export { preloadablePart, preloadParts, retryFailedParts } from './preloadablePart';
