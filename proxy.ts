import { NextResponse, type NextRequest } from 'next/server';
import { undecodablePathSegment } from '@/lib/validation/path';

/**
 * Runs before routing. An address with a segment that cannot be percent-decoded (`/inventory/%ff`)
 * is a bad request, answered here: Next.js would throw on it while matching a dynamic route and
 * answer 500 in production.
 */
export function proxy(req: NextRequest): NextResponse {
  const bad = undecodablePathSegment(req.nextUrl.pathname);
  if (bad === null) return NextResponse.next();
  const error = `The address has an invalid percent-encoding in "${bad.slice(0, 40)}"`;
  if (req.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json({ error, code: 'invalid_path', issues: [{ path: '(path)', message: error }] }, { status: 400 });
  }
  return new NextResponse(`Bad request: ${error}.`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export const config = {
  // Everything except Next's own static files: the check is one split and a decode per segment.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
