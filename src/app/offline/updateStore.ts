import { create } from 'zustand';

// Session-only state of the service worker's update, shared by the registration and the
// banner. Not persisted: a waiting worker announces itself again on the next page load.
export interface UpdateState {
  /** A new version is installed and waits for the user's consent. */
  isUpdateWaiting: boolean;
  /** The user chose "Later": the banner stays away until the next page load. */
  isDismissed: boolean;
  /** Activates the waiting version and reloads once it controls the page. */
  applyUpdate: () => void;
}

export const useUpdateStore = create<UpdateState>()(() => ({
  isUpdateWaiting: false,
  isDismissed: false,
  applyUpdate: () => undefined,
}));

export const selectShowsUpdate = (state: UpdateState): boolean => state.isUpdateWaiting && !state.isDismissed;
export const selectApplyUpdate = (state: UpdateState): UpdateState['applyUpdate'] => state.applyUpdate;

/**
 * Whether a participant may be answering on this page. An update is never offered then: a
 * reload in the middle of a questionnaire costs a participant their place and their attention.
 * Every participant route must be listed here (live sessions will add theirs).
 */
export function isQuestionnaireRoute(hash: string): boolean {
  return hash.startsWith('#/s/');
}
