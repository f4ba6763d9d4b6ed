import { NextResponse } from 'next/server';
import { buildOpenApiDocument } from '@/lib/openapi/document';

export const dynamic = 'force-dynamic';

export function GET(req: Request): Response {
  return NextResponse.json(buildOpenApiDocument(new URL(req.url).origin), {
    headers: { 'cache-control': 'public, max-age=300' },
  });
}
