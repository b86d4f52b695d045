import Link from "next/link";

/** A link to one onboarding page, where a reader needs it. */
export function DocLink({ slug, children }: { slug: string; children: React.ReactNode }) {
  return (
    <Link href={`/docs/${slug}`} className="text-indigo-700 underline dark:text-indigo-300" data-testid={`doc-link-${slug}`}>
      {children}
    </Link>
  );
}
