// Input bounds. Larger inputs are refused with a message rather than analysed partly: one request
// must not be able to make the server resolve an unbounded number of projects.
export const MAX_REQUIREMENTS_BYTES = 256 * 1024;
export const MAX_REQUIREMENTS = 2000;

export function requirementsTooLarge(text: string): string | null {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_REQUIREMENTS_BYTES) {
    return `The requirements text is ${formatKiB(bytes)}; Basewise accepts at most ${formatKiB(MAX_REQUIREMENTS_BYTES)}.`;
  }
  return null;
}

function formatKiB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}
