import { ImageResponse } from "next/og";
import { RECOMMENDED, requestSummary } from "@/lib/present/analysis";
import { previewLine } from "@/lib/present/comparison";
import { analysisService } from "@/lib/server/analysis-service";
import { clientKey } from "@/lib/server/rate-limit";
import { decodeShareState } from "@/lib/share/decode";
import { requestFor, requirementLineCount } from "@/lib/share/state";

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
  const lines: { base: string; detail: string; best: boolean }[] = [];
  let title = "Basewise: Docker base images for Python";
  let subtitle = "Which packages compile, build time and image size, per base image.";
  let cacheControl = SHORT_LIVED;
  if (decoded.ok) {
    const service = analysisService();
    const answer = await service.analyze(requestFor(decoded.state), clientKey(request.headers, service.limits.trustProxy));
    title = requestSummary(requirementLineCount(decoded.state), decoded.state.bases.length, decoded.state.arch);
    if (answer.ok) {
      if (answer.immutable) cacheControl = IMMUTABLE;
      subtitle = answer.preview.recommended ? `${RECOMMENDED}: ${answer.preview.recommended}` : subtitle;
      for (const h of answer.preview.headlines) {
        lines.push({ base: h.base, detail: previewLine(h), best: h.recommended });
      }
    } else {
      subtitle = "Open the link to run the analysis.";
      for (const base of decoded.state.bases.slice(0, 5)) lines.push({ base, detail: "", best: false });
    }
  } else {
    subtitle = "This share link is damaged; open Basewise to analyse your requirements.";
  }
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: 56, background: "#0f172a", color: "#f8fafc", fontSize: 30 }}>
        <div style={{ display: "flex", fontSize: 28, color: "#a5b4fc" }}>Basewise</div>
        <div style={{ display: "flex", fontSize: 48, fontWeight: 700, marginTop: 12 }}>{title}</div>
        <div style={{ display: "flex", fontSize: 30, color: "#cbd5e1", marginTop: 8 }}>{subtitle}</div>
        <div style={{ display: "flex", flexDirection: "column", marginTop: 32 }}>
          {lines.map((line) => (
            <div key={line.base} style={{ display: "flex", justifyContent: "space-between", padding: "10px 16px", marginTop: 8, borderRadius: 8, background: line.best ? "#065f46" : "#1e293b" }}>
              <span style={{ display: "flex" }}>{line.base}</span>
              <span style={{ display: "flex", color: "#e2e8f0" }}>{line.detail}</span>
            </div>
          ))}
        </div>
      </div>
    ),
    { width: 1200, height: 630, headers: { "cache-control": cacheControl } },
  );
}
