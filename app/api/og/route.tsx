import { ImageResponse } from "next/og";
import { NO_RECOMMENDATION, RECOMMENDED, requestSummary } from "@/lib/present/analysis";
import { groupByImage } from "@/lib/present/architectures";
import { previewImageLine } from "@/lib/present/comparison";
import { analysisService } from "@/lib/server/analysis-service";
import { clientKey } from "@/lib/server/rate-limit";
import { decodeShareState } from "@/lib/share/decode";
import { requestFor, requirementLineCount } from "@/lib/share/state";
import { NAME_CHARS, PREVIEW, PreviewCard, SUBTITLE_CHARS, fitLabel, type PreviewRow } from "./preview";

// The link preview for a share link: the headline comparison as a 1200×630 PNG. The state comes from
// the link (validated like any input). The numbers come from the same analysis the link's page asks
// for — served from the finished-report cache, or joined while it runs, or run once through the
// worker pool (charged to the client's rate limit) — and never from more work than that analysis;
// when the server is busy the preview shows the link's input only.

export const dynamic = "force-dynamic";

// An immutable analysis makes an immutable image; a summary drawn without it may improve soon.
const IMMUTABLE = "public, max-age=31536000, immutable";
const SHORT_LIVED = "public, max-age=60";

export async function GET(request: Request) {
  const param = new URL(request.url).searchParams.get("s") ?? "";
  const decoded = decodeShareState(param);
  const lines: PreviewRow[] = [];
  let title = "Basewise: Docker base images for Python";
  let subtitle = "Which packages compile, build time and image size, per base image.";
  let cacheControl = SHORT_LIVED;
  if (decoded.ok) {
    const service = analysisService();
    const answer = await service.analyze(requestFor(decoded.state), clientKey(request.headers, service.limits.trustProxy));
    title = requestSummary(requirementLineCount(decoded.state), decoded.state.bases.length, decoded.state.archs);
    if (answer.ok) {
      if (answer.immutable) cacheControl = IMMUTABLE;
      const { recommended, headlines } = answer.preview;
      if (recommended) subtitle = `${RECOMMENDED}: ${fitLabel(recommended, Math.min(NAME_CHARS, SUBTITLE_CHARS - RECOMMENDED.length - 2))}`;
      else if (headlines.length > 0 && headlines.every((h) => h.failsToBuild !== null)) subtitle = NO_RECOMMENDATION;
      // One row per image, its architectures on one line.
      for (const image of groupByImage(headlines, decoded.state.archs)) {
        lines.push({ base: image.base, detail: previewImageLine(image.targets), best: image.targets.some((h) => h.recommended) });
      }
    } else {
      subtitle = "Open the link to run the analysis.";
      for (const base of decoded.state.bases.slice(0, 5)) lines.push({ base, detail: "", best: false });
    }
  } else {
    subtitle = "This share link is damaged; open Basewise to analyse your requirements.";
  }
  return new ImageResponse(<PreviewCard title={title} subtitle={subtitle} rows={lines} />, {
    width: PREVIEW.width,
    height: PREVIEW.height,
    headers: { "cache-control": cacheControl },
  });
}
