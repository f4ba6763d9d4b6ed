import { NextResponse } from 'next/server';

// Liveness only, no database: also the baseline the enforce benchmark compares against.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return NextResponse.json({ ok: true });
}
