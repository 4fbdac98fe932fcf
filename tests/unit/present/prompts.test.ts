import { describe, expect, it } from 'vitest';
import { presentMessages } from '../../../src/features/present/presentMessages';
import { respondMessages } from '../../../src/features/respond/respondMessages';

// Participants are told never to write names or details of families (respondMessages'
// commentHint); the questions put to the room must not ask for them either.
describe('the questions on the discussion slides', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`never ask the room to name a family (${language})`, () => {
      const table = presentMessages[language];
      const questions = Object.entries(table).filter(([key]) => key.startsWith('discussionQuestion_'));
      expect(questions.length).toBeGreaterThanOrEqual(2);
      for (const [, text] of questions) {
        expect(text).not.toMatch(/noem een (concreet )?gezin|name a (concrete )?family/i);
        if (/gezin|family/i.test(text)) expect(text).toMatch(language === 'nl' ? /zonder namen/ : /without names/);
      }
      expect(respondMessages[language].commentHint).toMatch(language === 'nl' ? /geen namen/ : /not write names/);
    });
  }
});
