"use client";

/** Last resort when the root layout itself fails: no providers are available here, so the
 * message is given in the five languages at once. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="fr" dir="ltr">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", maxWidth: "36rem", margin: "0 auto" }}>
        <h1>Une erreur est survenue</h1>
        <p lang="kab">Teḍra-d tuccḍa.</p>
        <p lang="zgh">ⵜⵍⵍⴰ ⵢⴰⵜ ⵜⵣⴳⵍⵜ.</p>
        <p lang="ar" dir="rtl">
          حدث خطأ.
        </p>
        <p lang="en">Something went wrong.</p>
        <button type="button" onClick={reset} style={{ padding: "0.5rem 1rem", marginTop: "1rem" }}>
          Réessayer · Retry
        </button>
      </body>
    </html>
  );
}
