import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Basewise — which Docker base image for your Python app?",
  description:
    "Paste a requirements.txt and see, per Docker base image, which packages pip installs from wheels and which it must compile.",
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
