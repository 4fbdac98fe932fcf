import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextPair } from '../../../src/features/instrument/TextPair';

describe('TextPair', () => {
  it('names an untranslated field by its label only; the missing translation is its description', () => {
    render(<TextPair label="Stelling 1 (q01)" value={{ nl: 'Wij werken samen.', en: '' }} onChange={() => undefined} />);
    const english = screen.getByRole('textbox', { name: 'Stelling 1 (q01) — Engels' });
    expect(english).toHaveAccessibleDescription('Vertaling ontbreekt — deelnemers zien hier de Nederlandse tekst');
    const dutch = screen.getByRole('textbox', { name: 'Stelling 1 (q01) — Nederlands' });
    expect(dutch).not.toHaveAccessibleDescription();
  });
});
