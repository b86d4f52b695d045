"use client";

import { useState } from "react";

// Copies text to the clipboard and says whether it worked (the clipboard can be refused). The text
// may be given as a function, called on click, when composing it costs more than a render should.

export function CopyButton({ text, label, testId }: { text: string | (() => string); label: string; testId?: string }) {
  const [status, setStatus] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        data-testid={testId}
        className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(typeof text === "function" ? text() : text);
            setStatus("Copied");
          } catch {
            setStatus("The browser refused the clipboard; select the text and copy it by hand.");
          }
        }}
      >
        {label}
      </button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {status}
      </span>
    </span>
  );
}
