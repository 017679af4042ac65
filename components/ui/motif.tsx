/** Amazigh motifs (shared/data/motifs), drawn in currentColor; decorative only. */
export function ZigzagBand({ className = "" }: { className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" className={`block h-3 w-full ${className}`} preserveAspectRatio="none">
      <defs>
        <pattern id="dihya-zigzag" width="48" height="12" patternUnits="userSpaceOnUse">
          <path d="M0 10 L8 2 L16 10 L24 2 L32 10 L40 2 L48 10" fill="none" stroke="currentColor" strokeWidth="2" />
        </pattern>
      </defs>
      <rect width="100%" height="100%" fill="url(#dihya-zigzag)" />
    </svg>
  );
}

export function LozengeLattice({ className = "" }: { className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" className={className} preserveAspectRatio="none">
      <defs>
        <pattern id="dihya-lozenge" width="24" height="24" patternUnits="userSpaceOnUse">
          <path d="M12 2 L22 12 L12 22 L2 12 Z" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <circle cx="12" cy="12" r="1.5" fill="currentColor" />
        </pattern>
      </defs>
      <rect width="100%" height="100%" fill="url(#dihya-lozenge)" />
    </svg>
  );
}

/** The yaz ⵣ as the brand mark. */
export function Brand({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold ${className}`}>
      <span aria-hidden="true" className="text-2xl leading-none text-accent" lang="zgh">
        ⵣ
      </span>
      <span>Dihya</span>
    </span>
  );
}
