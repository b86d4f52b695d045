/**
 * PEP 503 name normalisation: runs of "-", "_" and "." become one "-", then
 * lowercase. Filenames, requirements and index pages are compared in this form.
 */
export function canonicalizeName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
