/**
 * Curated tables keyed by project and release range (build requirements, native builds): the index
 * by PEP 503 name with each range parsed once, and the range a release falls in.
 */
import { parseSpecifierSet, parseVersion, specifierSetContains, type SpecifierSet } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";

export interface VersionedEntry<Era extends { readonly versions: string }> {
  readonly name: string;
  readonly eras: readonly Era[];
}

export interface IndexedRange<Era> {
  readonly era: Era;
  readonly range: SpecifierSet;
}

export interface IndexedEntry<Entry, Era> {
  readonly entry: Entry;
  readonly eras: readonly IndexedRange<Era>[];
}

// A bad range or a duplicate name is a mistake in the table itself; each table's test finds it first.
export function indexVersionedTable<Era extends { readonly versions: string }, Entry extends VersionedEntry<Era>>(
  table: readonly Entry[],
  label: string,
): ReadonlyMap<string, IndexedEntry<Entry, Era>> {
  const byName = new Map<string, IndexedEntry<Entry, Era>>();
  for (const entry of table) {
    const key = canonicalizeName(entry.name);
    if (byName.has(key)) throw new Error(`${label}: ${entry.name} is listed twice`);
    const eras = entry.eras.map((era) => {
      const parsed = parseSpecifierSet(era.versions);
      if (!parsed.ok) throw new Error(`${label}: ${entry.name} range "${era.versions}": ${parsed.error}`);
      return { era, range: parsed.value };
    });
    byName.set(key, { entry, eras });
  }
  return byName;
}

/**
 * A pre-release, post-release, dev release or local version builds like its final release (numpy
 * 2.0.0rc1 already had numpy 2.0's pyproject.toml), so ranges are matched on the release number
 * alone and table boundaries need no pre-release spellings. null: not a PEP 440 version.
 */
export function releaseOf(version: string): string | null {
  const parsed = parseVersion(version.trim());
  if (!parsed) return null;
  const release = parsed.release.join(".");
  return parsed.epoch === 0 ? release : `${parsed.epoch}!${release}`;
}

/** The range a release falls in, by its release number (see releaseOf). */
export function rangeFor<Era>(eras: readonly IndexedRange<Era>[], release: string): IndexedRange<Era> | undefined {
  return eras.find(({ range }) => specifierSetContains(range, release));
}
