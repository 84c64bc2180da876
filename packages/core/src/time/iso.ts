import { InvalidInputError } from '../errors/index.js';

/** Epoch milliseconds → ISO-8601 UTC string, the wire format of instants. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO-8601 string with an explicit offset or `Z` → epoch milliseconds. */
export function fromIso(iso: string, param = 'date'): number {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(iso)) {
    throw new InvalidInputError(`${param} must be an ISO-8601 date or UTC date-time`, param);
  }
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) throw new InvalidInputError(`${param} is not a valid date`, param);
  return ms;
}
