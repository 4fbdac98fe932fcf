import { describe, expect, it } from 'vitest';
import type { FreeText } from '../../../src/domain/analysis';
import { commentsAfterSlide, commentsForSlide } from '../../../src/features/present/DiscussionSlide';

const text = (n: number, length = 40): FreeText => ({ groupId: `g${n}`, text: `${n}`.padEnd(length, 'x') });

// Issue 25: a "what people wrote" slide repeated the single comment the discussion slide before it
// already showed. The slide after a discussion point holds only what the discussion slide left out.
describe('the comments of a discussion point over its slides', () => {
  it('leaves nothing for a next slide when the discussion slide shows every comment', () => {
    const one = [text(1)];
    expect(commentsForSlide(one)).toEqual(one);
    expect(commentsAfterSlide(one)).toEqual([]);
    const three = [text(1), text(2), text(3)];
    expect(commentsAfterSlide(three)).toEqual([]);
  });

  it('puts every comment on exactly one slide, in order, when there are more than fit', () => {
    const five = [text(1), text(2), text(3), text(4), text(5)];
    const shown = commentsForSlide(five);
    const after = commentsAfterSlide(five);
    expect(shown).toHaveLength(3);
    expect(after).toEqual([text(4), text(5)]);
    expect([...shown, ...after]).toEqual(five);
  });

  it('moves a long comment that does not fit beside the figures to the next slide', () => {
    const list = [text(1, 200), text(2, 200)];
    expect(commentsForSlide(list)).toEqual([text(1, 200)]);
    expect(commentsAfterSlide(list)).toEqual([text(2, 200)]);
  });

  it('leaves no discussion slide empty-handed: no comments, nothing after', () => {
    expect(commentsAfterSlide([])).toEqual([]);
  });
});
