import Link from "next/link";
import { ARTICLES } from "./articles";

export const metadata = { title: "How Basewise works — base-image trade-offs for Python" };

export default function DocsIndex() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">How it works</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">The trade-offs behind a Basewise comparison, one short page each.</p>
      <ul className="mt-6 grid gap-4">
        {ARTICLES.map((a) => (
          <li key={a.slug}>
            <Link href={`/docs/${a.slug}`} className="text-lg font-semibold text-indigo-700 underline dark:text-indigo-300">
              {a.title}
            </Link>
            <p className="text-slate-600 dark:text-slate-400">{a.summary}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
