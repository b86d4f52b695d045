import Link from "next/link";
import { notFound } from "next/navigation";
import { ARTICLES, articleBySlug } from "../articles";

export function generateStaticParams() {
  return ARTICLES.map((a) => ({ slug: a.slug }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const article = articleBySlug((await params).slug);
  return { title: article ? `${article.title} — Basewise` : "Basewise" };
}

export default async function DocPage({ params }: { params: Promise<{ slug: string }> }) {
  const article = articleBySlug((await params).slug);
  if (!article) notFound();
  const others = ARTICLES.filter((a) => a.slug !== article.slug);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link href="/docs" className="text-indigo-700 underline dark:text-indigo-300">
          How it works
        </Link>
      </p>
      <article>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">{article.title}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{article.summary}</p>
        {article.body}
      </article>
      <nav aria-label="More pages" className="mt-8 border-t border-slate-200 pt-4 dark:border-slate-800">
        <h2 className="font-semibold">More</h2>
        <ul className="mt-2 grid gap-1">
          {others.map((a) => (
            <li key={a.slug}>
              <Link href={`/docs/${a.slug}`} className="text-indigo-700 underline dark:text-indigo-300">
                {a.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
