import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { ThemeToggle } from "@/components/ThemeToggle";
import "./globals.css";

export const metadata: Metadata = {
  title: "Basewise — which Docker base image for your Python app?",
  description:
    "Paste a requirements.txt and see, per Docker base image, which packages pip installs from wheels and which it must compile, how long the build takes and how big the image gets.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Runs before paint so a saved or system dark theme never flashes light.
const THEME_SCRIPT = `try{var t=localStorage.getItem("basewise-theme");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);if(d)document.documentElement.classList.add("dark")}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900">
          Skip to content
        </a>
        <nav aria-label="Site" className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 pt-4 text-sm">
          <Link href="/" className="font-bold tracking-tight">
            Basewise
          </Link>
          <div className="flex items-center gap-4">
            <Link href="/docs" className="text-indigo-700 underline dark:text-indigo-300">
              How it works
            </Link>
            <ThemeToggle />
          </div>
        </nav>
        {children}
      </body>
    </html>
  );
}
