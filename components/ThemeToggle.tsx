"use client";

import { useState } from "react";

type Theme = "system" | "light" | "dark";
const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };

/** Applies a theme choice to <html> and remembers it ("system" follows the OS). */
export function applyTheme(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  if (theme === "system") localStorage.removeItem("basewise-theme");
  else localStorage.setItem("basewise-theme", theme);
}

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(() => {
    const saved = typeof window === "undefined" ? null : localStorage.getItem("basewise-theme");
    return saved === "light" || saved === "dark" ? saved : "system";
  });
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      aria-label={`Colour theme: ${theme}. Switch to ${NEXT[theme]}.`}
      data-testid="theme-toggle"
      // The server cannot know the saved choice; the label may differ on first paint.
      suppressHydrationWarning
      onClick={() => {
        const next = NEXT[theme];
        setTheme(next);
        applyTheme(next);
      }}
    >
      Theme: {theme}
    </button>
  );
}
