import Link from 'next/link';

export const metadata = { title: 'Not allowed' };

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const { need } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-rose-600">403</p>
        <h1 className="mt-2 text-2xl font-semibold">You are not allowed to see this</h1>
        <p className="mt-2 text-sm text-slate-600">
          Your role does not include {need ? <code className="font-mono">{need}</code> : 'this permission'}. Ask an admin if you need it.
        </p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
