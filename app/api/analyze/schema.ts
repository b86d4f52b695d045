// The body of POST /api/analyze is the analysis request: its schema, limits and messages are the
// request contract's (lib/contract), shared with share links, the CLI and the page's form.
export { analyzeRequestSchema, describeIssues, MAX_BASES, MAX_BODY_BYTES, MAX_LOCK_BYTES, MAX_REQUIREMENTS_BYTES, type AnalyzeRequest } from "@/lib/contract/request";
