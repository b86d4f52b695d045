// Reads an image reference the way `docker pull` would, down to the repository and tag the catalog
// is keyed by: Docker Hub's registry names and its implicit "library/" namespace are dropped, a
// missing tag means "latest", and a digest is set aside (the catalog knows tags, not builds).

export interface ImageReference {
  repository: string;
  tag: string;
  digest?: string;
  /** What the reference was read as, when it was a Dockerfile FROM line rather than a bare reference. */
  readAsFromLine?: boolean;
}

const DOCKER_HUB_REGISTRIES = ["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"];

export function parseImageReference(input: string): ImageReference | null {
  let text = input.trim().toLowerCase();
  let readAsFromLine = false;
  // People paste whole FROM lines: "FROM --platform=linux/amd64 python:3.12-slim AS build".
  if (text.startsWith("from ")) {
    const words = text.slice(5).trim().split(/\s+/).filter((word) => !word.startsWith("--"));
    text = words[0] ?? "";
    readAsFromLine = true;
  }
  if (!text || /\s/.test(text)) return null;

  let digest: string | undefined;
  const at = text.indexOf("@");
  if (at >= 0) {
    digest = text.slice(at + 1);
    text = text.slice(0, at);
  }

  const lastSlash = text.lastIndexOf("/");
  const colon = text.indexOf(":", lastSlash + 1);
  let repository = colon >= 0 ? text.slice(0, colon) : text;
  const tag = colon >= 0 ? text.slice(colon + 1) : "latest";
  if (!repository) return null;

  for (const registry of DOCKER_HUB_REGISTRIES) {
    if (repository.startsWith(`${registry}/`)) repository = repository.slice(registry.length + 1);
  }
  if (repository.startsWith("library/")) repository = repository.slice("library/".length);

  const reference: ImageReference = { repository, tag };
  if (digest) reference.digest = digest;
  if (readAsFromLine) reference.readAsFromLine = true;
  return reference;
}

/** The lookup key: repository and tag, always both ("python:latest", "gcr.io/distroless/python3-debian12:latest"). */
export function referenceKey(reference: ImageReference): string {
  return `${reference.repository}:${reference.tag}`;
}

/** The key of a reference written in canonical form (as the catalog and its aliases spell them). */
export function keyOf(canonical: string): string {
  const parsed = parseImageReference(canonical);
  if (!parsed) throw new Error(`not an image reference: ${canonical}`);
  return referenceKey(parsed);
}
