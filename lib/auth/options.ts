import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Role } from '@prisma/client';
import { env, oidcConfigured } from '@/lib/env';
import { authSecret } from './secret';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}

function providers(): NextAuthOptions['providers'] {
  const list: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const { verifyCredentials } = await import('@/lib/server/users/verify-credentials');
        return verifyCredentials(credentials);
      },
    }),
  ];
  const e = env();
  if (oidcConfigured()) {
    list.push({
      id: 'oidc',
      name: e.OIDC_NAME,
      type: 'oauth',
      wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(p: { sub: string; email?: string; name?: string }) {
        return { id: p.sub, email: p.email ?? '', name: p.name ?? p.email ?? '' };
      },
    });
  }
  return list;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: env().TOOLLEDGER_SESSION_MAX_AGE },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: providers(),
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return true;
        if (!user.email) return false;
        const { findOrCreateOidcUser } = await import('@/lib/server/users/find-or-create-oidc-user');
        return Boolean(await findOrCreateOidcUser(user.email, user.name ?? ''));
      },
      async jwt({ token, user, account }) {
        // The token only carries the user id; role and active state are read from the database on every request.
        if (user && account?.provider === 'oidc' && user.email) {
          const { findOrCreateOidcUser } = await import('@/lib/server/users/find-or-create-oidc-user');
          const dbUser = await findOrCreateOidcUser(user.email, user.name ?? '');
          if (dbUser) token.sub = dbUser.id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? '' } } as typeof session;
      },
    },
  };
}
