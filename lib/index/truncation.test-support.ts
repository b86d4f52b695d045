import type { CoreMetadata } from "./core-metadata";

/**
 * snapshot-index publishes no digest for its metadata files and truncates a malformed answer to half
 * its length. Cut right after a line end, the file still parses: every header after the cut is
 * simply missing — lists keep a prefix, a single-valued header (Requires-Python) is absent. Nothing
 * (pip included) can detect that without a digest; PyPI always publishes one. Fault tests count such
 * a file as touched by a fault instead of as a wrong answer.
 */
export function isUndetectableTruncation(clean: CoreMetadata, faulty: CoreMetadata): boolean {
  const prefix = (short: readonly string[], long: readonly string[]) => short.length <= long.length && short.every((line, i) => line === long[i]);
  const lost = faulty.requiresDist.length < clean.requiresDist.length || faulty.providesExtra.length < clean.providesExtra.length || (clean.requiresPython !== null && faulty.requiresPython === null);
  return (
    lost &&
    faulty.name === clean.name &&
    faulty.version === clean.version &&
    prefix(faulty.requiresDist, clean.requiresDist) &&
    prefix(faulty.providesExtra, clean.providesExtra) &&
    (faulty.requiresPython === clean.requiresPython || faulty.requiresPython === null)
  );
}
