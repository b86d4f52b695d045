// Project names as the simple repository API knows them.

// PEP 508 "Names": ASCII letters and digits, with ".", "-" and "_" allowed only between them.
// Anything else cannot name a project, so it is refused before a URL is ever built from it.
const VALID_PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

// Real names are short (PyPI's longest are well under 100 characters); the cap keeps a pasted
// paragraph from becoming a request path.
const MAX_PROJECT_NAME_LENGTH = 200;

export function isValidProjectName(name: string): boolean {
  return name.length <= MAX_PROJECT_NAME_LENGTH && VALID_PROJECT_NAME.test(name);
}

/** PEP 503 normalisation: lower case, every run of "-", "_" and "." becomes one "-". */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
