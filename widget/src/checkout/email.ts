/** A plausible email address: what the server will accept, checked before asking it. */
export function emailValid(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
