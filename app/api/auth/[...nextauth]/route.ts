import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per request: the secret and the OIDC provider come from the environment.
const handler: Handler = async (req, ctx) => {
  const next = NextAuth(authOptions()) as unknown as (r: Request, c: { params: { nextauth: string[] } }) => Promise<Response>;
  return next(req, { params: await ctx.params });
};

export { handler as GET, handler as POST };
