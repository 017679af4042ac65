import Link from "next/link";
import { Brand, ZigzagBand } from "@/components/ui/motif";
import { buttonClass } from "@/components/ui/button";

/** Full-page status (404, 403, error) shown outside the shells. */
export function StatusPage({ code, title, body, homeLabel }: { code: string; title: string; body: string; homeLabel: string }) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4 py-10">
      <Brand className="mb-6 text-lg" />
      <p className="text-5xl font-semibold text-accent">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-muted">{body}</p>
      <Link href="/" className={buttonClass("primary", "mt-6 self-start")}>
        {homeLabel}
      </Link>
      <ZigzagBand className="mt-8 text-accent/40" />
    </main>
  );
}
