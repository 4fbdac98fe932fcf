import { defineMessages } from '../../i18n/defineMessages';

// The participant preview's own texts (docs/instrument-and-rounds.md, "Preview as a participant").
// The `participant_…` keys are what the participant reads around a statement: copies of
// respondMessages' texts, because loading that bundle here would split it off the participant's
// route and cost its budget (docs/budgets.md); tests/component/instrument/ParticipantPreview.test.tsx
// holds them equal, and tests/unit/sharedTexts.test.ts lets the scale's words be here as well as in
// chartMessages (this feature may not borrow from the charts).
export const previewMessages = defineMessages(
  {
    participant_progress: 'Stelling {current} van {total}',
    participant_progressLabel: 'Voortgang',
    participant_dimensionLabel: 'Thema: {dimension}',
    participant_previous: 'Vorige',
    participant_next: 'Volgende',
    participant_scale1: 'Helemaal oneens',
    participant_scale2: 'Oneens',
    participant_scale3: 'Neutraal',
    participant_scale4: 'Eens',
    participant_scale5: 'Helemaal eens',
    participant_dontKnow: 'Weet niet / niet van toepassing',
    previewOpen: 'Voorbeeld als deelnemer',
    previewTitle: 'Voorbeeld als deelnemer',
    previewBanner: 'Voorbeeld: zo ziet een deelnemer de vragenlijst. Antwoorden die u hier kiest worden nergens bewaard of verstuurd.',
    previewDraft: 'U ziet de vragenlijst zoals hij nu in de editor staat, ook wat nog niet is opgeslagen.',
    previewVersion: 'U ziet {version}.',
    languageLegend: 'Taal van de deelnemer',
    modeLegend: 'Weergave',
    modeSteps: 'Eén stelling per scherm',
    modeList: 'Alle stellingen onder elkaar',
    close: 'Voorbeeld sluiten',
    empty: 'Deze vragenlijst heeft nog geen stellingen.',
    endOfPreview: 'Dit was de laatste stelling. Deelnemers gaan hierna naar de afsluitende vragen en het overzicht.',
  },
  {
    participant_progress: 'Statement {current} of {total}',
    participant_progressLabel: 'Progress',
    participant_dimensionLabel: 'Theme: {dimension}',
    participant_previous: 'Previous',
    participant_next: 'Next',
    participant_scale1: 'Strongly disagree',
    participant_scale2: 'Disagree',
    participant_scale3: 'Neutral',
    participant_scale4: 'Agree',
    participant_scale5: 'Strongly agree',
    participant_dontKnow: "Don't know / not applicable",
    previewOpen: 'Preview as a participant',
    previewTitle: 'Preview as a participant',
    previewBanner: 'Preview: this is how a participant sees the questionnaire. Answers you choose here are not kept or sent anywhere.',
    previewDraft: 'You see the questionnaire as it is in the editor now, including what has not been saved yet.',
    previewVersion: 'You see {version}.',
    languageLegend: 'Participant’s language',
    modeLegend: 'View',
    modeSteps: 'One statement per screen',
    modeList: 'All statements in a list',
    close: 'Close preview',
    empty: 'This questionnaire has no statements yet.',
    endOfPreview: 'That was the last statement. Participants go on to the closing questions and the overview.',
  },
);
