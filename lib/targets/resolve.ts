import { CATALOG, CATALOG_AS_OF } from "./catalog";
import { ALIAS_TAGS, type AliasTag } from "./floating-tags";
import { aliasAt, lastAliasTarget, listedBetween, versionAt, TAG_HISTORY_END } from "./history";
import { ALPINE_BRANCHES, DEBIAN_CODENAMES } from "./os-releases";
import {
  CURRENT_PATCH,
  DEFAULT_ALPINE_FROM_PATCH,
  DEFAULT_DEBIAN_FROM_PATCH,
  PYTHON_MINORS,
  defaultAlpineForPatch,
  defaultDebianForPatch,
  isPythonMinor,
  type PythonMinor,
} from "./python-releases";
import { TAG_HISTORY_SOURCE } from "./tag-history";
import { keyOf, parseImageReference, referenceKey, type ImageReference } from "./reference";
import { closeMatches } from "./suggest";
import type { BaseImage, ResolveResult } from "./types";

// Reference in, catalog image out: canonical tags, their aliases, patch-pinned python: tags, and
// registry spellings all land on the same values; anything else gets close matches.

const BY_KEY: ReadonlyMap<string, BaseImage> = new Map(CATALOG.map((image) => [keyOf(image.reference), image]));
const ALIAS_BY_KEY: ReadonlyMap<string, AliasTag> = new Map(ALIAS_TAGS.map((alias) => [keyOf(alias.alias), alias]));
const SUGGESTION_POOL: readonly string[] = [...CATALOG.map((image) => image.reference), ...ALIAS_TAGS.map((alias) => alias.alias)];

const AS_OF_MONTH = CATALOG_AS_OF.slice(0, 7);

export interface ResolveOptions {
  /**
   * ISO date or date-time the reference is read as of (an analysis's asOf). Floating tags then resolve to
   * what they pointed at on that day where official-images' history knows it, and a tag's CPython patch to
   * the one it carried then. Absent: as of the catalog's date (CATALOG_AS_OF).
   */
  asOf?: string;
}

export function resolveBaseImage(reference: string, options: ResolveOptions = {}): ResolveResult {
  const parsed = parseImageReference(reference);
  if (!parsed) return unknown(reference, reference.trim() ? "it is not an image reference" : "no image reference was given");
  let asOf: string | undefined;
  if (options.asOf !== undefined) {
    const time = Date.parse(options.asOf);
    if (Number.isNaN(time)) return { ok: false, error: `asOf "${options.asOf}" is not an ISO date or date-time`, suggestions: [] };
    asOf = new Date(time).toISOString().slice(0, 10);
  }

  const notes: string[] = [];
  if (parsed.readAsFromLine) notes.push(`read the FROM line as ${referenceKey(parsed)}`);
  if (parsed.digest) notes.push(`digest @${parsed.digest} ignored: the catalog knows tags, not individual builds`);
  const withNotes = (result: Extract<ResolveResult, { ok: true }>): ResolveResult => (notes.length ? { ...result, notes: [...(result.notes ?? []), ...notes] } : result);

  const key = referenceKey(parsed);
  const direct = BY_KEY.get(key);
  if (direct) return withNotes(asOf ? canonicalAsOf(direct, asOf) : { ok: true, image: direct });

  if (parsed.repository === "python") {
    const releaseCandidate = resolveReleaseCandidate(parsed.tag, asOf);
    if (releaseCandidate) return releaseCandidate.ok ? withNotes(releaseCandidate) : releaseCandidate;
    if (asOf) {
      const dated = resolveFloatingAsOf(parsed.tag, asOf);
      if (dated) return dated.ok ? withNotes(dated) : dated;
    }
  }

  const alias = ALIAS_BY_KEY.get(key);
  if (alias) {
    const image = BY_KEY.get(keyOf(alias.canonical));
    if (image) return withNotes({ ok: true, image, resolvedFrom: describeAlias(alias, asOf) });
  }

  if (parsed.repository === "python") {
    const pinned = resolvePatchPinned(parsed.tag);
    if (pinned) return pinned.ok ? withNotes(pinned) : pinned;
  }

  const ubi = resolveUbiBuildTag(parsed);
  if (ubi) return withNotes(ubi);

  return unknown(reference, explainUnknown(parsed));
}

function describeAlias(alias: AliasTag, asOf?: string): string {
  if (alias.kind !== "floating") return `${alias.alias} is ${alias.canonical} (${alias.why})`;
  // Asked about another day than the catalog's, for a tag whose history is not in the data.
  if (asOf && asOf !== CATALOG_AS_OF) {
    const unknownSide = asOf < CATALOG_AS_OF ? "before" : "after";
    return `${alias.alias} points at ${alias.canonical} as of ${CATALOG_AS_OF} (history ${unknownSide} that not known; ${alias.why})`;
  }
  return `${alias.alias} points at ${alias.canonical} as of ${AS_OF_MONTH} (${alias.why})`;
}

// ---- as of a date ---------------------------------------------------------------------------------

const HISTORY = "docker-library/official-images library/python history";

/** A canonical python: tag as it was on `asOf`: same OS, the CPython patch it carried then. */
function canonicalAsOf(image: BaseImage, asOf: string): Extract<ResolveResult, { ok: true }> {
  if (!image.reference.startsWith("python:")) return { ok: true, image };
  const tag = image.reference.slice("python:".length);
  const listed = listedBetween(tag);
  if (!listed) return { ok: true, image };
  if (asOf < listed.first) {
    return { ok: true, image, notes: [`${image.reference} was first published on ${listed.first}, after ${asOf}; shown as it is now`] };
  }
  return pinnedAsOf(image, tag, asOf);
}

/** The image with the CPython patch its tag carried on `asOf` (official-images history), with a note. */
function pinnedAsOf(image: BaseImage, tag: string, asOf: string): Extract<ResolveResult, { ok: true }> {
  const then = versionAt(tag, asOf);
  if (!then || then.value === image.python.version || !/^3\.\d+\.\d+$/.test(then.value)) return { ok: true, image };
  const [major = "3", minorPart = "0", patch = "0"] = then.value.split(".");
  const minor = `${major}.${minorPart}`;
  if (!isPythonMinor(minor)) return { ok: true, image };
  const dated = pin(image, minor, Number(patch), image.reference);
  dated.python.note = `the CPython python:${tag} carried on ${asOf} (pushed ${then.from}; ${HISTORY})`;
  dated.sources = [...image.sources.filter((s) => s !== "CPython patch: the reference"), `CPython ${then.value} on ${asOf}: ${TAG_HISTORY_SOURCE}`];
  const now = image.python.patchKnown ? `the tag now holds ${image.python.version}` : `the catalog knows only ${image.python.version} for the tag now`;
  return { ok: true, image: dated, notes: [`CPython ${then.value} as of ${asOf}; ${now}`] };
}

/**
 * A floating python: tag read as of `asOf`: what official-images listed it as on that day. null when the
 * history does not know the tag (the catalog's own aliases then answer, saying which date they are true on).
 */
function resolveFloatingAsOf(tag: string, asOf: string): ResolveResult | null {
  if (asOf > CATALOG_AS_OF) return null;
  const at = aliasAt(tag, asOf);
  if (at.kind === "unknown") return null;
  if (at.kind === "before") {
    // The history read covers the tag from `at.first` on (earlier it pointed at images the catalog
    // does not have, or did not exist yet).
    const now = ALIAS_BY_KEY.get(`python:${tag}`);
    if (!now) return unknown(`python:${tag}`, `the catalog's history of python:${tag} starts on ${at.first}, after ${asOf}`);
    const image = BY_KEY.get(keyOf(now.canonical));
    if (!image) return null;
    return {
      ok: true,
      image,
      resolvedFrom: `python:${tag} points at ${now.canonical} as of ${CATALOG_AS_OF} (history before that not known: the recorded history of this tag starts on ${at.first}, after ${asOf})`,
    };
  }
  const canonical = `python:${at.canonical}`;
  const resolvedFrom = `python:${tag} points at ${canonical} as of ${asOf} (${HISTORY}: since ${at.from})`;
  if (/-rc-/.test(at.canonical)) {
    const rc = releaseCandidateImage(at.canonical, asOf);
    return rc.ok ? { ...rc, resolvedFrom } : rc;
  }
  const image = BY_KEY.get(keyOf(canonical));
  if (!image) return unknown(`python:${tag}`, `on ${asOf} it pointed at ${canonical}, which the catalog does not cover`);
  const dated = pinnedAsOf(image, at.canonical, asOf);
  return { ...dated, resolvedFrom };
}

// ---- python:3.X-rc[-variant] ----------------------------------------------------------------------

const RC_TAG = /^(?:(3\.\d+)-)?rc(?:-(.+))?$/;
const RC_CANONICAL = /^(3\.\d+)-rc-(.+)$/;

/** python:3.13-rc-slim, python:rc-alpine, python:3.13-rc-slim-bookworm: the release candidates of a minor. */
function resolveReleaseCandidate(tag: string, asOf: string | undefined): ResolveResult | null {
  if (!RC_TAG.test(tag)) return null;
  const canonicalMatch = RC_CANONICAL.exec(tag);
  if (canonicalMatch && listedBetween(tag)) {
    const image = releaseCandidateImage(tag, asOf);
    return image;
  }
  if (asOf) {
    const dated = resolveFloatingAsOf(tag, asOf);
    if (dated) return dated;
  }
  const last = lastAliasTarget(tag);
  if (!last) return unknown(`python:${tag}`, "no such release-candidate tag was ever published");
  const rc = releaseCandidateImage(last.canonical, asOf);
  if (!rc.ok) return rc;
  const still = listedBetween(last.canonical)?.last === TAG_HISTORY_END;
  const resolvedFrom = still
    ? `python:${tag} points at python:${last.canonical} as of ${TAG_HISTORY_END} (${HISTORY}; release-candidate tags move with each pre-release)`
    : `python:${tag} last pointed at python:${last.canonical} (${HISTORY}; -rc tags stopped moving when ${rc.image.python.version.split(".").slice(0, 2).join(".")} was released)`;
  return { ...rc, resolvedFrom };
}

/**
 * A release-candidate image: the OS, libc and layout of the catalog's image of the same variant (same
 * minor when the catalog has it, else the newest), with the pre-release CPython the tag carried.
 */
function releaseCandidateImage(canonicalTag: string, asOf: string | undefined): Extract<ResolveResult, { ok: true }> | Extract<ResolveResult, { ok: false }> {
  const match = RC_CANONICAL.exec(canonicalTag);
  const listed = listedBetween(canonicalTag);
  if (!match || !listed) return unknown(`python:${canonicalTag}`, "no such release-candidate tag was ever published");
  const [, minor = "", suffix = ""] = match;
  const day = asOf ?? TAG_HISTORY_END;
  if (asOf && asOf < listed.first) return unknown(`python:${canonicalTag}`, `it was first published on ${listed.first}, after ${asOf}`);
  const then = versionAt(canonicalTag, day);
  const sameVariant = CATALOG.filter((image) => image.reference.startsWith("python:3.") && image.reference.endsWith(`-${suffix}`) && /^python:3\.\d+-/.test(image.reference));
  const base = sameVariant.find((image) => image.reference === `python:${minor}-${suffix}`) ?? sameVariant[0];
  if (!then || !base) return unknown(`python:${canonicalTag}`, `the catalog has no python image on ${suffix} to describe it with`);
  const preRelease = then.value;
  const release = preRelease.replace(/(?:a|b|rc)\d+$/, "");
  const stillListed = listed.last === TAG_HISTORY_END;
  const gaps = [...base.gaps.filter((gap) => !gap.startsWith("CPython patch"))];
  if (stillListed && !asOf) {
    gaps.push(`CPython pre-release: ${preRelease} as of ${TAG_HISTORY_END}, where the history read ends; a later pre-release may have been pushed since`);
  }
  const final = BY_KEY.get(keyOf(`python:${minor}-${suffix}`));
  const image: BaseImage = {
    ...base,
    reference: `python:${canonicalTag}`,
    aliases: [],
    python: {
      version: release,
      implementation: "cp",
      patchKnown: true,
      preRelease,
      note: `pre-release ${preRelease} (pushed ${then.from}); pip checks Requires-Python against ${release}`,
    },
    libc: { ...base.libc, byArch: { ...base.libc.byArch } },
    pythonPackages: Number(minor.split(".")[1]) >= 12 ? ["pip"] : [...base.pythonPackages],
    sizes: {
      ...base.sizes,
      estimated: Object.keys(base.sizes.compressedBytes).length + Object.keys(base.sizes.uncompressedBytes).length > 0 ? true : base.sizes.estimated,
      note: `sizes of ${base.reference} (CPython ${base.python.version}), the same variant with a released CPython${base.sizes.note ? `; ${base.sizes.note}` : ""}`,
    },
    builtOn: undefined,
    lifecycle: stillListed ? "current" : "frozen",
    support: stillListed
      ? { endOfLife: null, cause: null, successor: null, sources: [`${TAG_HISTORY_SOURCE}: still listed on ${TAG_HISTORY_END}`] }
      : {
          endOfLife: listed.last,
          cause: "python",
          successor: final ? final.reference : null,
          sources: [`${TAG_HISTORY_SOURCE}: python:${canonicalTag} last listed ${listed.last}, when ${minor}'s final release replaced its pre-releases`],
        },
    gaps,
    notes: [`release candidate tag: ${minor} pre-releases (alpha, beta, rc) on ${suffix}; not for production`, ...base.notes.filter((n) => !n.startsWith("no longer rebuilt"))],
    sources: [`${TAG_HISTORY_SOURCE}: python:${canonicalTag} carried ${preRelease} from ${then.from}`, ...base.sources.filter((s) => !s.startsWith("python-images.json python:"))],
  };
  return { ok: true, image };
}

// ---- python:3.X.Y[-variant] ----------------------------------------------------------------------

const PATCH_PINNED = /^(3\.\d+)\.(\d+)(?:-([a-z0-9.-]+))?$/;

function resolvePatchPinned(tag: string): ResolveResult | null {
  const match = PATCH_PINNED.exec(tag);
  if (!match) return null;
  const [, minorText = "", patchText = "", suffix] = match;
  const patch = Number(patchText);
  if (!isPythonMinor(minorText)) {
    return unknown(`python:${tag}`, `CPython ${minorText} is not in the catalog (it covers ${PYTHON_MINORS[0]}–${PYTHON_MINORS[PYTHON_MINORS.length - 1]})`);
  }
  const minor: PythonMinor = minorText;
  const pinnedTag = (variantSuffix: string) => `python:${minor}.${patch}-${variantSuffix}`;

  // python:3.X.Y and python:3.X.Y-slim float with the default Debian until 3.X.(Y+1) appears.
  if (suffix === undefined || suffix === "slim") {
    const codename = defaultDebianForPatch(minor, patch);
    const asked = suffix ? pinnedTag(suffix) : `python:${minor}.${patch}`;
    if (!codename) {
      const first = Math.min(...Object.values(DEFAULT_DEBIAN_FROM_PATCH[minor]));
      return unknown(asked, `it pointed at Debian 8 jessie or older (the default before ${minor}.${first}), which the catalog does not cover`);
    }
    const variantSuffix = suffix ? `slim-${codename}` : codename;
    const base = BY_KEY.get(keyOf(`python:${minor}-${variantSuffix}`));
    if (!base) return null;
    return {
      ok: true,
      image: pin(base, minor, patch, pinnedTag(variantSuffix)),
      resolvedFrom: `${asked} points at ${pinnedTag(variantSuffix)} (${codename} was the default Debian while ${minor}.${patch} was the newest ${minor})`,
      ...newerThanCatalog(minor, patch),
    };
  }

  // python:3.X.Y-alpine: the Alpine it was last pushed on, from official-images' history.
  if (suffix === "alpine") {
    const branch = defaultAlpineForPatch(minor, patch);
    if (!branch) {
      const first = Math.min(...Object.values(DEFAULT_ALPINE_FROM_PATCH[minor]));
      return unknown(pinnedTag("alpine"), `it pointed at an Alpine older than 3.8 (before ${minor}.${first}), which the catalog does not cover`);
    }
    const base = BY_KEY.get(keyOf(`python:${minor}-alpine${branch}`));
    if (!base) return null;
    const exact = pinnedTag(`alpine${branch}`);
    return {
      ok: true,
      image: pin(base, minor, patch, exact),
      resolvedFrom: `${pinnedTag("alpine")} points at ${exact} (its last push was on Alpine ${branch}; ${TAG_HISTORY_SOURCE})`,
      ...newerThanCatalog(minor, patch),
    };
  }

  const base = BY_KEY.get(keyOf(`python:${minor}-${suffix}`));
  if (!base) return null;
  return { ok: true, image: pin(base, minor, patch, pinnedTag(suffix)), ...newerThanCatalog(minor, patch) };
}

function newerThanCatalog(minor: PythonMinor, patch: number): { notes?: string[] } {
  const current = CURRENT_PATCH[minor];
  const currentPatch = current ? Number(current.split(".")[2]) : undefined;
  if (currentPatch === undefined || patch <= currentPatch) return {};
  return { notes: [`${minor}.${patch} is newer than the ${current} the catalog knows (data as of ${CATALOG_AS_OF})`] };
}

/** The catalog image as built with a specific patch: same OS and libc, the pinned CPython. */
function pin(base: BaseImage, minor: PythonMinor, patch: number, reference: string): BaseImage {
  const version = `${minor}.${patch}`;
  const sameBuild = base.python.version === version;
  return {
    ...base,
    reference,
    aliases: [],
    python: { version, implementation: "cp", patchKnown: true, note: "patch pinned in the reference" },
    libc: { ...base.libc, byArch: { ...base.libc.byArch } },
    sizes: sameBuild
      ? base.sizes
      : {
          ...base.sizes,
          estimated: true,
          note: `sizes of ${base.reference} (CPython ${base.python.version}); another patch of ${minor} differs by a few MB at most${base.sizes.note ? `; ${base.sizes.note}` : ""}`,
        },
    // The pinned tag's build date is not the catalog entry's.
    builtOn: sameBuild ? base.builtOn : undefined,
    gaps: base.gaps.filter((gap) => !gap.startsWith("CPython patch")),
    notes: [...base.notes],
    sources: [...base.sources, "CPython patch: the reference"],
  };
}

// ---- ubi9/python-3XX:<build> --------------------------------------------------------------------

const UBI_BUILD_TAG = /^\d+(?:[.-]\d+)*$/;

function resolveUbiBuildTag(parsed: ImageReference): Extract<ResolveResult, { ok: true }> | null {
  if (!UBI_BUILD_TAG.test(parsed.tag)) return null;
  const key = `${parsed.repository}:latest`;
  const alias = ALIAS_BY_KEY.get(key);
  const image = BY_KEY.get(key) ?? (alias ? BY_KEY.get(keyOf(alias.canonical)) : undefined);
  if (!image || image.os.id !== "rhel") return null;
  return { ok: true, image, notes: [`build tag :${parsed.tag} taken as the image itself: the catalog has no per-build facts for UBI`] };
}

// ---- unknown -------------------------------------------------------------------------------------

function explainUnknown(parsed: ImageReference): string | undefined {
  if (parsed.repository !== "python") return undefined;
  const minor = /^(3\.\d+)(?:[.-]|$)/.exec(parsed.tag)?.[1];
  if (minor && !isPythonMinor(minor)) {
    return `CPython ${minor} is not in the catalog (it covers ${PYTHON_MINORS[0]}–${PYTHON_MINORS[PYTHON_MINORS.length - 1]})`;
  }
  const oldDebian = /(?:^|-)(jessie|wheezy)$/.exec(parsed.tag)?.[1];
  if (oldDebian) return `Debian ${oldDebian} images are not in the catalog (it covers ${DEBIAN_CODENAMES.join(", ")})`;
  const alpine = /alpine(3\.\d+)$/.exec(parsed.tag)?.[1];
  if (alpine && !ALPINE_BRANCHES.includes(alpine)) {
    return `Alpine ${alpine} is not in the catalog (it covers ${ALPINE_BRANCHES[0]}–${ALPINE_BRANCHES[ALPINE_BRANCHES.length - 1]})`;
  }
  if (minor && alpine) return `python:${minor} was never published on Alpine ${alpine}`;
  const codename = /(stretch|buster|bullseye|bookworm|trixie)$/.exec(parsed.tag)?.[1];
  if (minor && codename) return `python:${minor} was never published on Debian ${codename}`;
  return undefined;
}

function unknown(reference: string, why?: string): Extract<ResolveResult, { ok: false }> {
  const suggestions = reference.trim() ? closeMatches(reference, SUGGESTION_POOL) : [];
  const shown = reference.trim();
  let error = `Unknown base image "${shown}"`;
  if (why) error += `: ${why}`;
  if (suggestions.length) error += `. Did you mean: ${suggestions.join(", ")}?`;
  else if (!why && shown) error += `. The catalog has the official python images (Debian and Alpine), distroless python3, ubuntu with its distro Python, UBI 9 python and Chainguard python.`;
  else error += ".";
  return { ok: false, error, suggestions };
}
