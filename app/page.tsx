import type { Metadata } from "next";
import { Analyzer } from "@/components/Analyzer";
import { EXAMPLES } from "@/components/examples";
import { cache } from "react";
import { requestTitle } from "@/lib/present/analysis";
import { pythonAndLibc } from "@/lib/present/target";
import { decodeShareState } from "@/lib/share/decode";
import { requirementLineCount } from "@/lib/share/state";
import { DEFAULT_BASES, listBaseImages } from "@/lib/targets";
import { presetsFor, pythonVersions } from "@/lib/targets/presets";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// generateMetadata and the page both need the link's state: decoded (inflated, validated) once per request.
const decodeOnce = cache(decodeShareState);

function shareParam(params: Record<string, string | string[] | undefined>): string | null {
  const s = params.s;
  return typeof s === "string" && s.length > 0 ? s : null;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const param = shareParam(await searchParams);
  if (!param) return {};
  const decoded = decodeOnce(param);
  if (!decoded.ok) return { title: "Basewise — a damaged share link" };
  const { state } = decoded;
  const title = `Basewise: ${requestTitle(requirementLineCount(state), state.bases, state.archs)}`;
  // The preview image is drawn by /api/og from the same parameter (the link's own state, re-validated there).
  const image = `/api/og?s=${encodeURIComponent(param)}`;
  return {
    title,
    description: "Which packages compile, build time and image size per Docker base image.",
    openGraph: { title, images: [{ url: image, width: 1200, height: 630 }] },
    twitter: { card: "summary_large_image", title, images: [image] },
  };
}

/** "3.12" from the catalog's "3.12.14" (or "3.12" when the patch is not known). */
function minorOf(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const param = shareParam(await searchParams);
  const decoded = param ? decodeOnce(param) : null;
  const images = listBaseImages();
  const bases = images.map((image) => ({
    reference: image.reference,
    pythonMinor: minorOf(image.python.version),
    facts: pythonAndLibc({ python: image.python.version, libc: image.libc }),
  }));
  const versions = pythonVersions(images);
  const presets = Object.fromEntries(versions.map((v) => [v, presetsFor(v, images)]));
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-6">
      <header className="mb-6">
        <h1 className="text-3xl font-bold tracking-tight">Which base image for your Python app?</h1>
        <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-400">
          Paste a <code>requirements.txt</code>, pick the Docker base images you are choosing between, and see which packages pip installs from a
          ready-made wheel and which it has to compile on each — with build time, image size and a Dockerfile to copy.
        </p>
      </header>
      <Analyzer
        bases={bases}
        defaultBases={DEFAULT_BASES}
        pythonVersions={versions}
        presets={presets}
        examples={EXAMPLES}
        initial={decoded?.ok ? decoded.state : null}
        linkError={decoded && !decoded.ok ? decoded.error : null}
      />
    </main>
  );
}
