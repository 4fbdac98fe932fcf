import { defineMessages } from './defineMessages';

// The words for what happened to a statement between two versions of a questionnaire, with one
// home (docs/language.md): the version comparison (features/instrument) and the rounds page
// (features/rounds) say them alike (docs/instrument-and-rounds.md, "Comparing versions").
export const versionChangeMessages = defineMessages(
  {
    unchanged: 'ongewijzigd',
    moved: 'verplaatst',
    reworded: 'anders verwoord, zelfde betekenis',
    'new-meaning': 'nieuwe betekenis: niet vergeleken',
    struck: 'geschrapt',
    added: 'nieuw',
    /** Beside a statement of one round only that replaced a statement of the other round. */
    replacedStatement: 'nieuwe betekenis: niet vergeleken — in plaats van {id} ({text})',
    wordingInRound: 'Formulering in ronde {round}: {text}',
  },
  {
    unchanged: 'unchanged',
    moved: 'moved',
    reworded: 'reworded, same meaning',
    'new-meaning': 'new meaning: not compared',
    struck: 'struck',
    added: 'new',
    replacedStatement: 'new meaning: not compared — in place of {id} ({text})',
    wordingInRound: 'Wording in round {round}: {text}',
  },
);
