import { describe, expect, it } from 'vitest';
import { addOrganisation, checkSetup, mergeOrganisations, removeOrganisation, renameOrganisation } from '../../../src/domain/scanSetup';
import { DEFAULT_SETTINGS } from '../../../src/domain/types';

const orgs = [
  { id: 'politie', name: 'Politie' },
  { id: 'gemeente', name: 'Gemeente' },
  { id: 'parlan', name: 'Parlan' },
];

describe('scan set-up', () => {
  it('adds an organisation with a fresh id; refuses an empty or repeated name', () => {
    expect(addOrganisation(orgs, '  Openbaar  Ministerie ')).toEqual({ ok: true, organisations: [...orgs, { id: 'openbaar-ministerie', name: 'Openbaar Ministerie' }] });
    expect(addOrganisation(orgs, 'politie')).toEqual({ ok: false, problem: 'name-taken' });
    expect(addOrganisation(orgs, ' ')).toEqual({ ok: false, problem: 'name-empty' });
    const clash = addOrganisation([{ id: 'politie', name: 'Politie Zuid' }], 'Politie');
    expect(clash.ok && clash.organisations[1]).toEqual({ id: 'politie-2', name: 'Politie' });
  });

  it('adds a partner as a part split off from another, which must exist', () => {
    expect(addOrganisation(orgs, 'Politie Noord', 'politie')).toEqual({ ok: true, organisations: [...orgs, { id: 'politie-noord', name: 'Politie Noord', splitFrom: 'politie' }] });
    expect(addOrganisation(orgs, 'Politie Noord', 'nergens')).toEqual({ ok: false, problem: 'unknown-organisation' });
  });

  it('renames without changing the id', () => {
    expect(renameOrganisation(orgs, 'parlan', 'Parlan Jeugdhulp')).toEqual({ ok: true, organisations: [orgs[0], orgs[1], { id: 'parlan', name: 'Parlan Jeugdhulp' }] });
    expect(renameOrganisation(orgs, 'parlan', 'Gemeente')).toEqual({ ok: false, problem: 'name-taken' });
    expect(renameOrganisation(orgs, 'parlan', 'parlan')).toMatchObject({ ok: true });
  });

  it('removes only an organisation without responses, and keeps at least two', () => {
    expect(removeOrganisation(orgs, 'parlan', 2)).toEqual({ ok: false, problem: 'has-responses' });
    expect(removeOrganisation(orgs, 'parlan', 0)).toEqual({ ok: true, organisations: orgs.slice(0, 2) });
    expect(removeOrganisation(orgs.slice(0, 2), 'gemeente', 0)).toEqual({ ok: false, problem: 'too-few-organisations' });
  });

  it('merges one organisation into another, and the other records what was merged into it', () => {
    expect(mergeOrganisations(orgs, 'parlan', 'gemeente')).toEqual({ ok: true, organisations: [orgs[0], { id: 'gemeente', name: 'Gemeente', mergedFrom: ['parlan'] }] });
    // A second merge carries what the first recorded along.
    const four = [...orgs, { id: 'om', name: 'OM' }];
    const first = mergeOrganisations(four, 'parlan', 'gemeente');
    const second = first.ok ? mergeOrganisations(first.organisations, 'gemeente', 'om') : first;
    expect(second).toEqual({ ok: true, organisations: [orgs[0], { id: 'om', name: 'OM', mergedFrom: ['gemeente', 'parlan'] }] });
    expect(mergeOrganisations(orgs, 'parlan', 'parlan')).toEqual({ ok: false, problem: 'same-organisation' });
    expect(mergeOrganisations(orgs, 'x', 'parlan')).toEqual({ ok: false, problem: 'unknown-organisation' });
  });

  it('checks the edited fields like a new scan', () => {
    expect(checkSetup({ title: ' ', date: '2026-02-30', settings: { ...DEFAULT_SETTINGS, minGroupSize: 0, gapThreshold: 5 } }, orgs)).toEqual([
      'title-missing',
      'date-invalid',
      'min-group-size-invalid',
      'gap-threshold-invalid',
    ]);
    expect(checkSetup({ title: 'Zuid', date: '2026-02-28', settings: DEFAULT_SETTINGS }, orgs)).toEqual([]);
  });
});
