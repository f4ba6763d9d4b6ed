/** The ToolLedger mark (also public/logo.svg and the favicon): a ledger page with a check. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect x="3" y="3" width="26" height="26" rx="6" fill="#4f46e5" />
      <path d="M9 10h14M9 15h9M9 20h6" stroke="#c7d2fe" strokeWidth="2.2" strokeLinecap="round" />
      <path
        d="M17.5 21.5l2.8 2.8 5.2-6"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
        fill="none"
      />
    </svg>
  );
}
