import { InvalidInputError } from '../errors/index.js';

/** Epoch milliseconds → ISO-8601 UTC string, the wire format of instants. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO-8601 string with an explicit offset or `Z` → epoch milliseconds. */
export function fromIso(iso: string, param = 'date'): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(iso);
  if (!match) throw new InvalidInputError(`${param} must be an ISO-8601 date or UTC date-time`, param);
  // Date.parse rolls impossible days over (Feb 30 → Mar 1), so check the calendar date first.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, no 1900 offset for years < 100
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    throw new InvalidInputError(`${param} is not a valid date`, param);
  }
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) throw new InvalidInputError(`${param} is not a valid date`, param);
  return ms;
}
