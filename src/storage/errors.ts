/**
 * Thrown by a repository when the record an action was meant for is not stored (any more):
 * typically deleted in another tab. classifyFailure turns it into the 'not-found' message.
 */
export class RecordNotFoundError extends Error {
  override name = 'RecordNotFoundError';

  constructor(table: string, id: string) {
    super(`${table} ${id} is not stored on this device`);
  }
}
