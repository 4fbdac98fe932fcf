// What other parts of the app may use of this feature (docs/architecture.md, "Fronts"). Other
// features import it from here, never from a file inside. Every module here brings the follow-up
// style sheet; its importers (the presenter, the report and the rounds page) show it anyway.

/** The rounds page's follow-up section, with the status and note the director sets. */
export { FollowUpSection } from './FollowUpSection';
/** The presenter's slide per agreement of the previous round. */
export { useFollowUpSlides, type FollowUpSlideSpec } from './FollowUpSlide';
/** The report's section "Opvolging van de afspraken". */
export { FollowUpReport } from './FollowUpReport';
/** What a round follows up (the presenter reads it for its slides). */
export { useRoundFollowUp } from './useRoundFollowUp';
/** Its texts: the report names the section when it cannot read it. */
export { followUpMessages } from './followUpMessages';
