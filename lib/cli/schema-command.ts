import { reportJsonSchemaText } from "@/lib/contract/report";

// `basewise schema`: the report contract as JSON Schema (draft 2020-12), the same document GET
// /api/schema serves, to validate `basewise analyze --json` output or generate types from it.

export const SCHEMA_COMMAND_USAGE = "Usage: basewise schema\n\nPrints the JSON Schema (draft 2020-12) of the report that `basewise analyze --json` prints.\n";

/** Prints the report's JSON Schema; returns the process exit code (always 0). */
export function schemaCommand(out: (text: string) => void = (text) => process.stdout.write(text)): number {
  out(reportJsonSchemaText());
  return 0;
}
