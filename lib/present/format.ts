/**
 * How numbers read, once for every surface (the pages, the CLI table, the Markdown export, the link
 * preview): sizes, durations and their ranges, counts with their nouns, short lists.
 *
 * One unit convention: decimal SI units. 1 KB = 1 000 bytes, 1 MB = 1 000 000 bytes (lib/estimate's
 * `MB`, and how registries and `docker images` print sizes), 1 GB = 1 000 MB. Never 1024-based: a
 * size labelled MB is always 10^6 bytes, whoever prints it.
 *
 * No imports: the engine's own messages may use these too.
 */

export const KB = 1_000;
export const MB = 1_000_000;
export const GB = 1_000_000_000;

/**
 * "512 B", "45 KB", "7 MB", "190 MB", "1.1 GB": whole units, tens of MB from 100 MB up (an image
 * size is an estimate; its last digit is noise).
 */
export function formatBytes(bytes: number): string {
  if (bytes < 0) return `-${formatBytes(-bytes)}`;
  if (bytes < KB) return `${Math.round(bytes)} B`;
  const kb = Math.round(bytes / KB);
  if (kb < 1000) return `${kb} KB`;
  const mb = bytes / MB;
  const shown = mb >= 100 ? Math.round(mb / 10) * 10 : Math.round(mb);
  if (shown < 1000) return `${shown} MB`;
  return `${(bytes / GB).toFixed(1)} GB`;
}

/** A size the index may not give. */
export function formatSize(bytes: number | null): string {
  return bytes === null ? "size unknown" : formatBytes(bytes);
}

// Below a minute and a half a duration reads in seconds, above it in whole minutes.
const SECONDS_UP_TO = 90;

/** "40 s", "12 min": one duration, in the unit its range would use. */
export function formatSeconds(seconds: number): string {
  if (seconds < SECONDS_UP_TO) return `${Math.round(seconds)} s`;
  return `${Math.max(1, Math.round(seconds / 60))} min`;
}

/**
 * "20–40 s", "20–25 min": a range, never false precision. The unit is the high end's; both ends
 * rounded in it, and one number when they round alike ("0 s").
 */
export function formatRange({ low, high }: { low: number; high: number }): string {
  if (high < SECONDS_UP_TO) {
    const [a, b] = [Math.round(low), Math.round(high)];
    return a === b ? `${a} s` : `${a}–${b} s`;
  }
  const [a, b] = [Math.max(1, Math.round(low / 60)), Math.max(1, Math.round(high / 60))];
  return a === b ? `${a} min` : `${a}–${b} min`;
}

/** "2024-05-01 12:00 UTC" from an ISO 8601 time. */
export function formatUtcMinute(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "1 package", "3 packages"; the plural given when it is not the noun and an s. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** "a, b, c" — or, past `max`, "a, b, c and 4 more". */
export function listed(items: readonly string[], max = 6): string {
  return items.length > max ? `${items.slice(0, max).join(", ")} and ${items.length - max} more` : items.join(", ");
}
