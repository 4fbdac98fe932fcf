import type { Organisation } from '../domain/types';

/** The options of a select that picks one of a scan's partners, in the scan's order. */
export function OrganisationOptions({ organisations }: { organisations: readonly Organisation[] }) {
  return (
    <>
      {organisations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </>
  );
}
