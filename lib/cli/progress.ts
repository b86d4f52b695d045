// The progress line: drawn on stderr only when stderr is a terminal (a person watching), redrawn in
// place, and erased before anything else is printed. Never on stdout, and never into a pipe or a CI
// log, where it would only be noise between the real output's lines.

/** Erase the current terminal line and go back to its start. */
const CLEAR = "\r\x1b[2K";
/** At most this often a redraw for index fetches (an analysis fetches hundreds of pages). */
const REDRAW_MS = 100;
/** The elapsed time ticks once a second while nothing else happens. */
const TICK_MS = 1000;

export interface ProgressLine {
  /** The (image, architecture) pairs to analyse are known. */
  onStart(targets: readonly unknown[]): void;
  /** The index answered another page or file's metadata. */
  onFetched(fetched: { projects: number; files: number }): void;
  /** One target finished. */
  onTarget(): void;
  /** Erase the line; call before printing the answer. */
  stop(): void;
}

/** A line on `write` (stderr): "analysing 4 images… 3/8 targets, 41 projects fetched, 6 s". */
export function progressLine(write: (text: string) => void, images: number, now: () => number = Date.now): ProgressLine {
  const started = now();
  let targets: number | null = null;
  let done = 0;
  let projects = 0;
  let drawnAt = -Infinity;
  let stopped = false;
  let shown = "";
  const draw = () => {
    if (stopped) return;
    drawnAt = now();
    const parts = [
      targets !== null ? `${done}/${targets} targets` : null,
      projects > 0 ? `${projects} project${projects === 1 ? "" : "s"} fetched` : null,
      `${Math.floor((drawnAt - started) / 1000)} s`,
    ].filter((part) => part !== null);
    const text = `analysing ${images} image${images === 1 ? "" : "s"}… ${parts.join(", ")}`;
    // Redrawn only when it says something new (a file's metadata changes no count shown).
    if (text !== shown) write(`${CLEAR}${text}`);
    shown = text;
  };
  const timer = setInterval(draw, TICK_MS);
  timer.unref();
  draw();
  return {
    onStart(list) {
      targets = list.length;
      draw();
    },
    onFetched(fetched) {
      projects = fetched.projects;
      if (now() - drawnAt >= REDRAW_MS) draw();
    },
    onTarget() {
      done += 1;
      draw();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      write(CLEAR);
    },
  };
}
