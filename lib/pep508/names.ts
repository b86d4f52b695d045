/**
 * PEP 503 name normalisation, also used for extras (PEP 685): lowercase, and
 * every run of "-", "_" and "." becomes one "-". "Foo.Bar__baz" → "foo-bar-baz".
 */
export function canonicalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
