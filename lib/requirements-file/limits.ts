// Input bounds. Larger inputs are refused with a message rather than analysed partly: one request
// must not be able to make the server resolve an unbounded number of projects.
export const MAX_REQUIREMENTS_BYTES = 256 * 1024;
export const MAX_REQUIREMENTS = 2000;

export function requirementsTooLarge(text: string): string | null {
  const bytes = utf8Length(text);
  if (bytes > MAX_REQUIREMENTS_BYTES) {
    return `The requirements text is ${formatKiB(bytes)}; Basewise accepts at most ${formatKiB(MAX_REQUIREMENTS_BYTES)}.`;
  }
  return null;
}

function formatKiB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** UTF-8 byte length without Buffer, so the same check runs in the browser. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}
