import { CATALOG, CATALOG_AS_OF } from "./catalog";
import { ALIAS_TAGS, type AliasTag } from "./floating-tags";
import { ALPINE_BRANCHES } from "./os-releases";
import {
  CURRENT_PATCH,
  DEFAULT_DEBIAN_FROM_PATCH,
  PYTHON_MINORS,
  defaultDebianForPatch,
  floatingDefaults,
  isPythonMinor,
  type PythonMinor,
} from "./python-releases";
import { keyOf, parseImageReference, referenceKey, type ImageReference } from "./reference";
import { closeMatches } from "./suggest";
import type { BaseImage, ResolveResult } from "./types";

// Reference in, catalog image out: canonical tags, their aliases, patch-pinned python: tags, and
// registry spellings all land on the same values; anything else gets close matches.

const BY_KEY: ReadonlyMap<string, BaseImage> = new Map(CATALOG.map((image) => [keyOf(image.reference), image]));
const ALIAS_BY_KEY: ReadonlyMap<string, AliasTag> = new Map(ALIAS_TAGS.map((alias) => [keyOf(alias.alias), alias]));
const SUGGESTION_POOL: readonly string[] = [...CATALOG.map((image) => image.reference), ...ALIAS_TAGS.map((alias) => alias.alias)];

const AS_OF_MONTH = CATALOG_AS_OF.slice(0, 7);

export function resolveBaseImage(reference: string): ResolveResult {
  const parsed = parseImageReference(reference);
  if (!parsed) return unknown(reference, reference.trim() ? "it is not an image reference" : "no image reference was given");

  const notes: string[] = [];
  if (parsed.readAsFromLine) notes.push(`read the FROM line as ${referenceKey(parsed)}`);
  if (parsed.digest) notes.push(`digest @${parsed.digest} ignored: the catalog knows tags, not individual builds`);
  const withNotes = (result: Extract<ResolveResult, { ok: true }>): ResolveResult => (notes.length ? { ...result, notes: [...(result.notes ?? []), ...notes] } : result);

  const key = referenceKey(parsed);
  const direct = BY_KEY.get(key);
  if (direct) return withNotes({ ok: true, image: direct });

  const alias = ALIAS_BY_KEY.get(key);
  if (alias) {
    const image = BY_KEY.get(keyOf(alias.canonical));
    if (image) return withNotes({ ok: true, image, resolvedFrom: describeAlias(alias) });
  }

  if (parsed.repository === "python") {
    const pinned = resolvePatchPinned(parsed.tag);
    if (pinned) return pinned.ok ? withNotes(pinned) : pinned;
  }

  const ubi = resolveUbiBuildTag(parsed);
  if (ubi) return withNotes(ubi);

  return unknown(reference, explainUnknown(parsed));
}

function describeAlias(alias: AliasTag): string {
  return alias.kind === "floating"
    ? `${alias.alias} points at ${alias.canonical} as of ${AS_OF_MONTH} (${alias.why})`
    : `${alias.alias} is ${alias.canonical} (${alias.why})`;
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
      const first = DEFAULT_DEBIAN_FROM_PATCH[minor].bullseye ?? 0;
      return unknown(asked, `it pointed at Debian 10 buster (the default before ${minor}.${first}), which the catalog does not cover`);
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

  // python:3.X.Y-alpine: which Alpine it ended on depends on dates the data does not have.
  if (suffix === "alpine") {
    const branch = floatingDefaults(minor).alpine;
    const base = BY_KEY.get(keyOf(`python:${minor}-alpine${branch}`));
    if (!base) return null;
    const assumed = pinnedTag(`alpine${branch}`);
    const notes = [
      `assumed ${assumed}: the catalog cannot date which Alpine ${pinnedTag("alpine")} last pointed at; Alpine 3.13 and later all ship musl 1.2 and accept the same musllinux wheels, so the prediction holds unless it was Alpine 3.12 or older — pin the Alpine release to be exact`,
      ...(newerThanCatalog(minor, patch).notes ?? []),
    ];
    return { ok: true, image: pin(base, minor, patch, assumed), resolvedFrom: `${pinnedTag("alpine")} is taken as ${assumed}`, notes };
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
  const oldDebian = /(?:^|-)(buster|stretch|jessie)$/.exec(parsed.tag)?.[1];
  if (oldDebian) return `Debian ${oldDebian} images are not in the catalog (it covers bullseye, bookworm and trixie)`;
  const alpine = /alpine(3\.\d+)$/.exec(parsed.tag)?.[1];
  if (alpine && !ALPINE_BRANCHES.includes(alpine)) {
    return `Alpine ${alpine} is not in the catalog (it covers ${ALPINE_BRANCHES[0]}–${ALPINE_BRANCHES[ALPINE_BRANCHES.length - 1]})`;
  }
  if (minor && alpine) return `python:${minor} was never published on Alpine ${alpine}`;
  const codename = /(bullseye|bookworm|trixie)$/.exec(parsed.tag)?.[1];
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
