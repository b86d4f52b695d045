/**
 * Shell commands per package manager: installing OS packages without leaving caches behind, and
 * creating the unprivileged user.
 */
import type { DockerfileInput } from "./types";

type Manager = "apt" | "apk" | "dnf";

/** One RUN's command that installs `names` and cleans the package manager's caches in the same layer. */
export function installCommand(manager: Manager, names: readonly string[]): string {
  const list = names.join(" ");
  switch (manager) {
    case "apt":
      return `apt-get update \\\n    && apt-get install -y --no-install-recommends ${list} \\\n    && rm -rf /var/lib/apt/lists/*`;
    case "apk":
      return `apk add --no-cache ${list}`;
    case "dnf":
      return `dnf install -y ${list} \\\n    && dnf clean all`;
  }
}

export interface UserSetup {
  /** The RUN that creates the user; null when the image already has one. */
  create: string | null;
  user: string;
  why: string;
}

export function userSetup(image: DockerfileInput["image"]): UserSetup {
  if (image.packageManager === "none") return { create: null, user: "nonroot", why: "distroless images ship the unprivileged user nonroot (uid 65532)." };
  switch (image.osId) {
    case "alpine":
      return { create: "adduser -D -u 10001 app", user: "app", why: "busybox adduser: a system user without a password, uid 10001." };
    case "wolfi":
      return { create: null, user: "nonroot", why: "Chainguard images ship the unprivileged user nonroot (uid 65532)." };
    case "rhel":
      return { create: null, user: "1001", why: "the UBI Python images run as uid 1001 (group 0) by design." };
    default:
      return { create: "useradd --create-home --uid 10001 app", user: "app", why: "an unprivileged user, uid 10001." };
  }
}
