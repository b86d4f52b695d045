// The link preview's layout: a 1200×630 card whose every text sits in a fixed box, so a long image
// reference (registry.access.redhat.com/ubi9/python-312:latest, 51 characters) never runs over its
// status. Each row puts the image on its own line and its status below it; a text longer than its box
// holds is cut in the middle ("registry.acc…/python-312:latest"), keeping the tag, which tells images
// apart, and each box also hides what overflows in case a font's glyphs run wider than budgeted.

export const PREVIEW = {
  width: 1200,
  height: 630,
  padding: 40,
  brandSize: 26,
  titleSize: 40,
  subtitleSize: 28,
  rowsTop: 16,
  rowGap: 6,
  rowPadding: 6,
  rowPaddingX: 16,
  nameSize: 26,
  detailSize: 22,
  /** CSS line height of satori's default. */
  lineHeight: 1.2,
  /** Widest average glyph, in em, budgeted for a line of image references (Noto Sans, lower case and punctuation, with margin). */
  glyphEm: 0.6,
  rows: 5,
} as const;

const innerWidth = PREVIEW.width - 2 * PREVIEW.padding;

/** How many characters a line of `fontSize` holds in a box `width` wide. */
export function charsThatFit(width: number, fontSize: number): number {
  return Math.floor(width / (fontSize * PREVIEW.glyphEm));
}

/** The image name's box and the status line's box, in characters. */
export const NAME_CHARS = charsThatFit(innerWidth - 2 * PREVIEW.rowPaddingX, PREVIEW.nameSize);
export const DETAIL_CHARS = charsThatFit(innerWidth - 2 * PREVIEW.rowPaddingX, PREVIEW.detailSize);
export const SUBTITLE_CHARS = charsThatFit(innerWidth, PREVIEW.subtitleSize);
/** The title ("300 requirements, 12 images on amd64 + arm64" is 44 characters). */
export const TITLE_CHARS = charsThatFit(innerWidth, PREVIEW.titleSize);

/** `text` as it fits in `max` characters: whole, or cut in the middle with "…" (a third kept before, the rest after). */
export function fitLabel(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const keep = max - 1;
  const head = Math.floor(keep / 3);
  return `${chars.slice(0, head).join("")}…${chars.slice(chars.length - (keep - head)).join("")}`;
}

/** The card's height when it holds `rows` rows: what must stay within PREVIEW.height. */
export function previewHeight(rows: number): number {
  const line = (size: number) => size * PREVIEW.lineHeight;
  const header = line(PREVIEW.brandSize) + 8 + line(PREVIEW.titleSize) + 6 + line(PREVIEW.subtitleSize) + PREVIEW.rowsTop;
  const row = PREVIEW.rowGap + 2 * PREVIEW.rowPadding + line(PREVIEW.nameSize) + line(PREVIEW.detailSize);
  return 2 * PREVIEW.padding + header + rows * row;
}

export interface PreviewRow {
  base: string;
  detail: string;
  best: boolean;
}

const box = { display: "flex", overflow: "hidden", whiteSpace: "nowrap" } as const;

export function PreviewCard({ title, subtitle, rows }: { title: string; subtitle: string; rows: readonly PreviewRow[] }) {
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: PREVIEW.padding, background: "#0f172a", color: "#f8fafc" }}>
      <div style={{ ...box, fontSize: PREVIEW.brandSize, color: "#a5b4fc" }}>Basewise</div>
      <div style={{ ...box, fontSize: PREVIEW.titleSize, fontWeight: 700, marginTop: 8 }}>{fitLabel(title, TITLE_CHARS)}</div>
      <div style={{ ...box, fontSize: PREVIEW.subtitleSize, color: "#cbd5e1", marginTop: 6 }}>{fitLabel(subtitle, SUBTITLE_CHARS)}</div>
      <div style={{ display: "flex", flexDirection: "column", marginTop: PREVIEW.rowsTop }}>
        {rows.slice(0, PREVIEW.rows).map((row) => (
          <div
            key={row.base}
            style={{ display: "flex", flexDirection: "column", padding: `${PREVIEW.rowPadding}px ${PREVIEW.rowPaddingX}px`, marginTop: PREVIEW.rowGap, borderRadius: 8, background: row.best ? "#065f46" : "#1e293b" }}
          >
            <div style={{ ...box, fontSize: PREVIEW.nameSize }}>{fitLabel(row.base, NAME_CHARS)}</div>
            <div style={{ ...box, fontSize: PREVIEW.detailSize, color: "#e2e8f0" }}>{fitLabel(row.detail, DETAIL_CHARS)}</div>
          </div>
        ))}
      </div>
    </div>
  );
}
