import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The fence between server and client, checked without a Next build: no file marked "use client"
// reaches, through its value imports (relative and "@/…", static, re-exported or dynamic; type-only
// imports are erased and do not count), a module that imports "server-only". Next refuses such a
// client module at build time ("'server-only' cannot be imported from a Client Component module");
// this finds the same mistake in the unit suite, with the chain of imports that leads to it.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SOURCE = /\.(ts|tsx|mts)$/;
const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs"];

type Read = (file: string) => string;
const readSource: Read = (file) => readFileSync(file, "utf8");

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** The directive prologue holds "use client". */
function isClientModule(source: ts.SourceFile): boolean {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use client") return true;
  }
  return false;
}

/** `import "server-only";` */
function isFenced(source: ts.SourceFile): boolean {
  return source.statements.some((s) => ts.isImportDeclaration(s) && s.importClause === undefined && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === "server-only");
}

/** What a bundler loads for this module: everything but imports and re-exports that name only types. */
function valueImports(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly || (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.exportClause;
      const typeOnly = statement.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** A relative or "@/…" specifier as a file of this repository; null for packages. */
function resolveLocal(from: string, specifier: string, exists: (file: string) => boolean): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  const found = candidates.find(exists);
  if (found === undefined) throw new Error(`${path.relative(ROOT, from)}: cannot resolve "${specifier}"`);
  return found;
}

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

interface ModuleFacts {
  fenced: boolean;
  imports: string[];
}

// The repository's modules are read and parsed once for all the client modules that reach them.
const factsOnDisk = new Map<string, ModuleFacts>();

function factsOf(file: string, read: Read): ModuleFacts {
  const known = read === readSource ? factsOnDisk.get(file) : undefined;
  if (known) return known;
  const source = parse(file, read(file));
  const facts = { fenced: isFenced(source), imports: valueImports(source) };
  if (read === readSource) factsOnDisk.set(file, facts);
  return facts;
}

/** The shortest chain of imports from `entry` to a module that imports "server-only", or null. */
function serverOnlyChain(entry: string, read: Read = readSource, exists: (file: string) => boolean = isFile): string[] | null {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!SOURCE.test(file)) continue;
    const facts = factsOf(file, read);
    if (facts.fenced) {
      const chain: string[] = [];
      for (let at: string | null = file; at !== null; at = parent.get(at) ?? null) chain.unshift(path.relative(ROOT, at));
      return chain;
    }
    for (const specifier of facts.imports) {
      const next = resolveLocal(file, specifier, exists);
      if (next !== null && !parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !/\.test(-support)?\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const clientModules = ["components", "app", "lib"].flatMap(sourceFiles).filter((file) => isClientModule(parse(file, readSource(file))));

describe("client modules never reach server-only code", () => {
  it("finds the client modules", () => {
    expect(clientModules.map((file) => path.relative(ROOT, file))).toEqual(expect.arrayContaining(["components/Analyzer.tsx", "components/Results.tsx", "components/CopyButton.tsx"]));
  });

  it.each(clientModules.map((file) => ({ file, name: path.relative(ROOT, file) })))("$name", ({ file }) => {
    expect(serverOnlyChain(file)).toBeNull();
  });
});

describe("the fence is in place", () => {
  it.each([
    "lib/index/client.ts",
    "lib/index/http-cache-store.ts",
    "lib/index/parsed-cache.ts",
    "lib/index/config.ts",
    "lib/server/config.ts",
    "lib/server/analysis-entry.ts",
    "lib/server/analysis-service.ts",
    "lib/server/analysis-pool.ts",
  ])("%s imports server-only", (file) => {
    expect(isFenced(parse(file, readSource(path.join(ROOT, file))))).toBe(true);
  });
});

describe("the check itself", () => {
  // A client module that does not exist on disk, importing real modules of this repository.
  const probe = path.join(ROOT, "components", "FenceProbe.tsx");
  const chainFor = (text: string) => serverOnlyChain(probe, (file) => (file === probe ? `"use client";\n${text}` : readSource(file)), (file) => file === probe || isFile(file));

  it.each([
    { imports: 'import { createIndexClient } from "@/lib/index";', chain: ["components/FenceProbe.tsx", "lib/index/index.ts", "lib/index/client.ts"] },
    { imports: 'import { indexConfigFromEnv } from "../lib/index/config";', chain: ["components/FenceProbe.tsx", "lib/index/config.ts"] },
    { imports: 'export { runAnalysis } from "@/lib/server/analysis-entry";', chain: ["components/FenceProbe.tsx", "lib/server/analysis-entry.ts"] },
    { imports: 'export * from "@/lib/index";', chain: ["components/FenceProbe.tsx", "lib/index/index.ts", "lib/index/client.ts"] },
    { imports: 'const load = () => import("@/lib/server/analysis-entry");', chain: ["components/FenceProbe.tsx", "lib/server/analysis-entry.ts"] },
    { imports: 'import { type IndexFile, normalizeProjectName } from "@/lib/index";', chain: ["components/FenceProbe.tsx", "lib/index/index.ts", "lib/index/client.ts"] },
  ])("follows $imports", ({ imports, chain }) => {
    expect(chainFor(imports)).toEqual(chain);
  });

  it.each([
    'import type { IndexClient } from "@/lib/index";',
    'import { type IndexFile, type ProjectResult } from "@/lib/index";',
    'export type { IndexClient } from "@/lib/index";',
    'import { normalizeProjectName } from "@/lib/index/project-name";',
    'import { useState } from "react";',
  ])("lets through %s", (imports) => {
    expect(chainFor(imports)).toBeNull();
  });
});
