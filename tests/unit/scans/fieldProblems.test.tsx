import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALL_EXTRAS } from '../../../src/domain/extras';
import type { NewScanProblem } from '../../../src/domain/scan';
import { SETTINGS_LIMITS } from '../../../src/domain/settingsLimits';
import { fieldProblems, ScanSettingsFields } from '../../../src/features/scans/ScanSettingsFields';

// One piece marks a shown problem in both scan forms (src/features/scans/ScanSettingsFields.tsx):
// the field is invalid, described by the problem's text under it, and untouched fields are not.

const value = { askLevel: true, extras: ALL_EXTRAS, minGroupSize: '0', gapThreshold: '0,5' };

describe('field problems', () => {
  it('mark the field of a shown problem and write its text under it, with the id the field points to', () => {
    const marks = fieldProblems<NewScanProblem>(['too-few-organisations'], (p) => `text of ${p}`);
    expect(marks.has('too-few-organisations')).toBe(true);
    expect(marks.has('title-missing')).toBe(false);
    expect(marks.errorId('too-few-organisations')).toBe('error-too-few-organisations');
    expect(marks.errorId('title-missing')).toBeUndefined();
    expect(marks.fieldError('title-missing')).toBeNull();
    render(<>{marks.fieldError('too-few-organisations')}</>);
    const error = screen.getByText('text of too-few-organisations');
    expect(error.id).toBe('error-too-few-organisations');
    expect(error.className).toBe('field-error');
  });

  it('in the settings form: the minimum group size is invalid and described by its problem, the gap threshold is not', () => {
    const { container } = render(<ScanSettingsFields value={value} onChange={() => undefined} problems={['min-group-size-invalid', 'title-missing']} />);
    const [minGroupSize, gapThreshold] = [container.querySelector('input[type="number"]')!, container.querySelector('input[inputmode="decimal"]')!];
    expect(minGroupSize.getAttribute('aria-invalid')).toBe('true');
    const describedBy = minGroupSize.getAttribute('aria-describedby')!;
    const error = container.querySelector(`#${describedBy}`)!;
    expect(error.textContent).toContain(String(SETTINGS_LIMITS.minGroupSize.max));
    expect(gapThreshold.getAttribute('aria-invalid')).toBe('false');
    expect(gapThreshold.hasAttribute('aria-describedby')).toBe(false);
    // A problem of another field of the form is not written here.
    expect(container.querySelectorAll('.field-error')).toHaveLength(1);
  });
});
