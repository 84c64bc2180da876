/** Query values; arrays repeat the key, `undefined` is left out. */
export type Query = Record<string, string | number | undefined | readonly (string | number)[]>;

/** The URL of `path` on the Abona server at `apiBase` (resolved against the page), with `query`. */
export function apiUrl(apiBase: string, path: string, query: Query = {}): URL {
  const url = new URL(`${apiBase}${path}`, document.baseURI);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  return url;
}
