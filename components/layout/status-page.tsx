import Link from 'next/link';

/** The body of the 403 and 404 pages, shown inside the dashboard so the navigation stays. */
export function StatusPage({ code, title, children }: { code: 403 | 404; title: string; children: React.ReactNode }) {
  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className={code === 403 ? 'text-sm font-semibold text-rose-600' : 'text-sm font-semibold text-indigo-600'}>{code}</p>
        <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
        {children}
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
