// The CLI's exit codes, one scheme for every command. 0, 1 and 2 keep the meanings they had before
// --fail-on; 3 is new, so a pipeline can tell "the gate said no" from "the input is broken".

export const EXIT = {
  /** The command did what was asked and no --fail-on condition holds. */
  ok: 0,
  /** The analysis ran but the input has problems: a malformed line, an unknown image, an as-of the index cannot honour. Wins over 3. */
  inputProblems: 1,
  /** Usage: an unknown or invalid flag, a file that cannot be read, an input the request contract refuses. */
  usage: 2,
  /** A --fail-on condition holds (something compiles, a build is known to fail, a package is unknown). */
  failOn: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
