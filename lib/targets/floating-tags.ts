import { distroPythonAliases } from "./distro-python-images";
import { DEBIAN_CODENAMES } from "./os-releases";
import { MAINTAINED, PYTHON_MINORS, PUBLISHED, floatingDefaults, type PythonMinor } from "./python-releases";

// Tags that are names for another tag. "floating" ones move when upstream publishes something newer,
// so an answer based on them is only true as of the catalog's date; "synonym" ones never differ.

export interface AliasTag {
  alias: string;
  canonical: string;
  kind: "floating" | "synonym";
  /** Why the alias points where it does, shown beside the answer. */
  why: string;
}

const NEWEST_MINOR: PythonMinor = "3.14";

function officialFloatingTags(): AliasTag[] {
  const tags: AliasTag[] = [];
  for (const minor of PYTHON_MINORS) {
    const { debian, alpine } = floatingDefaults(minor);
    const maintained = MAINTAINED.minors.includes(minor);
    const newestOn = (os: string) =>
      maintained ? `${os} is the newest release docker-library builds ${minor} on` : `${minor} is no longer published; its tags stayed on their last push (${os})`;
    tags.push(
      { alias: `python:${minor}`, canonical: `python:${minor}-${debian}`, kind: "floating", why: newestOn(debian) },
      { alias: `python:${minor}-slim`, canonical: `python:${minor}-slim-${debian}`, kind: "floating", why: newestOn(debian) },
      { alias: `python:${minor}-alpine`, canonical: `python:${minor}-alpine${alpine}`, kind: "floating", why: newestOn(`alpine${alpine}`) },
    );
  }

  // The major-only and bare tags follow the newest stable minor (3.15 is still a release candidate).
  const newest = floatingDefaults(NEWEST_MINOR);
  const why = `${NEWEST_MINOR} is the newest stable CPython`;
  const bare = (suffix: string, canonicalSuffix: string): AliasTag[] => [
    { alias: `python:3-${suffix}`, canonical: `python:${NEWEST_MINOR}-${canonicalSuffix}`, kind: "floating", why },
    { alias: `python:${suffix}`, canonical: `python:${NEWEST_MINOR}-${canonicalSuffix}`, kind: "floating", why },
  ];
  tags.push(
    { alias: "python:3", canonical: `python:${NEWEST_MINOR}-${newest.debian}`, kind: "floating", why },
    { alias: "python:latest", canonical: `python:${NEWEST_MINOR}-${newest.debian}`, kind: "floating", why },
    ...bare("slim", `slim-${newest.debian}`),
    ...bare("alpine", `alpine${newest.alpine}`),
  );
  for (const codename of DEBIAN_CODENAMES) {
    if (!PUBLISHED[NEWEST_MINOR].debian.includes(codename)) continue;
    tags.push(...bare(codename, codename), ...bare(`slim-${codename}`, `slim-${codename}`));
  }
  for (const branch of PUBLISHED[NEWEST_MINOR].alpine) tags.push(...bare(`alpine${branch}`, `alpine${branch}`));
  return tags;
}

const DISTROLESS_NONROOT = "the :nonroot tag is the same image running as uid 65532";

function otherAliases(): AliasTag[] {
  return [
    { alias: "ubuntu:jammy", canonical: "ubuntu:22.04", kind: "synonym", why: "jammy is Ubuntu 22.04's codename" },
    { alias: "ubuntu:noble", canonical: "ubuntu:24.04", kind: "synonym", why: "noble is Ubuntu 24.04's codename" },
    { alias: "gcr.io/distroless/python3-debian12:nonroot", canonical: "gcr.io/distroless/python3-debian12", kind: "synonym", why: DISTROLESS_NONROOT },
    { alias: "gcr.io/distroless/python3-debian13:nonroot", canonical: "gcr.io/distroless/python3-debian13", kind: "synonym", why: DISTROLESS_NONROOT },
    {
      alias: "registry.redhat.io/ubi9/python-311",
      canonical: "registry.access.redhat.com/ubi9/python-311",
      kind: "synonym",
      why: "registry.redhat.io serves the same UBI images with authentication",
    },
    {
      alias: "registry.redhat.io/ubi9/python-312",
      canonical: "registry.access.redhat.com/ubi9/python-312",
      kind: "synonym",
      why: "registry.redhat.io serves the same UBI images with authentication",
    },
  ];
}

export const ALIAS_TAGS: readonly AliasTag[] = [...officialFloatingTags(), ...otherAliases(), ...distroPythonAliases()];
