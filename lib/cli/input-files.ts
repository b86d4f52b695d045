import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { MAX_INPUT_FILES, MAX_REQUIREMENTS_BYTES } from "@/lib/contract/request-limits";

// The files a requirements file's -r/-c lines name, read from disk for the request's input.files, as
// pip follows them: relative to the including file. Bounded: only files inside FILE's directory (no
// absolute paths, no climbing out, no symlink leading out), regular files of at most
// MAX_REQUIREMENTS_BYTES, at most MAX_INPUT_FILES of them. What is left out is said on stderr; the
// analysis then warns that the line names a file it was not given, as for a paste.

const INCLUDE = /^(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?<=^-[rc]))(\S+)/;

/** The paths a requirements text's -r/-c lines name, as written (comments and URLs left out). */
export function includedPaths(text: string): string[] {
  const paths: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    const match = INCLUDE.exec(line);
    if (match?.[1] && !/^[a-z][a-z0-9+.-]*:\/\//i.test(match[1])) paths.push(match[1]);
  }
  return paths;
}

/** A file's text, refused unread above `max` bytes (a requirements file is never that large). */
export async function readBoundedFile(file: string, max: number = MAX_REQUIREMENTS_BYTES): Promise<string> {
  const info = await stat(file);
  if (!info.isFile()) throw new Error("not a regular file");
  if (info.size > max) throw new Error(`${info.size} bytes; at most ${max / 1024} KB is read`);
  return readFile(file, "utf8");
}

/** Standard input's text, stopped past `max` bytes. */
export async function readBoundedStream(stream: NodeJS.ReadableStream, max: number = MAX_REQUIREMENTS_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes > max) throw new Error(`more than ${max / 1024} KB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The files `mainText`'s -r/-c lines name (and theirs, breadth first), named by their path relative
 * to the main file's directory, the names lib/inputs looks them up by. `notes` says what was left out.
 */
export async function readIncludedFiles(mainFile: string, mainText: string): Promise<{ files: { name: string; text: string }[]; notes: string[] }> {
  const root = await realpath(path.dirname(path.resolve(mainFile)));
  const mainName = path.basename(mainFile);
  const files: { name: string; text: string }[] = [];
  const notes: string[] = [];
  const seen = new Set([mainName]);
  const queue: { name: string; text: string }[] = [{ name: mainName, text: mainText }];
  for (let current = queue.shift(); current; current = queue.shift()) {
    for (const written of includedPaths(current.text)) {
      const name = path.posix.normalize(path.posix.join(path.posix.dirname(current.name), written.replace(/\\/g, "/")));
      if (seen.has(name)) continue;
      seen.add(name);
      if (path.isAbsolute(written) || name.startsWith("../") || name === "..") {
        notes.push(`${written} (named in ${current.name}) is outside ${mainName}'s directory: not read.`);
        continue;
      }
      if (files.length >= MAX_INPUT_FILES) {
        notes.push(`${written} (named in ${current.name}) not read: at most ${MAX_INPUT_FILES} files are read with ${mainName}.`);
        continue;
      }
      try {
        const real = await realpath(path.join(root, name));
        if (path.relative(root, real).startsWith("..")) throw new Error(`it leads outside ${mainName}'s directory`);
        const text = await readBoundedFile(real);
        files.push({ name, text });
        queue.push({ name, text });
      } catch (error) {
        notes.push(`${written} (named in ${current.name}) not read: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`);
      }
    }
  }
  return { files, notes };
}
