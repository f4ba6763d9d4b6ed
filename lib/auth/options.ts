import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Role } from '@prisma/client';
import { env, oidcConfigured } from '@/lib/env';
import { clientAddressOf } from './client-address';
import { authSecret } from './secret';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; sessionVersion?: number };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The user's session version when the token was issued (lib/server/session.ts compares it). */
    sv?: number;
  }
}

type SessionUser = User & { sessionVersion?: number };

async function requestClientAddress(): Promise<string | null> {
  try {
    const { headers } = await import('next/headers');
    return clientAddressOf(await headers());
  } catch {
    return null; // outside a request (tests)
  }
}

function providers(): NextAuthOptions['providers'] {
  const list: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const { signInWithPassword } = await import('@/lib/server/users/sign-in-with-password');
        const { SIGN_IN_SERVICE } = await import('@/lib/server/users/sign-in-service');
        const result = await signInWithPassword({
          actor: SIGN_IN_SERVICE,
          input: {
            email: credentials?.email ?? '',
            password: credentials?.password ?? '',
            clientAddress: clientAddressOf(req?.headers),
          },
        });
        if (result.ok) return result.user;
        // next-auth hands a thrown message to the form as `error`; the form shows only this one verbatim.
        if (result.reason === 'throttled') throw new Error(result.message);
        return null;
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
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const { findOrCreateOidcUser } = await import('@/lib/server/users/find-or-create-oidc-user');
        const { SIGN_IN_SERVICE } = await import('@/lib/server/users/sign-in-service');
        const result = await findOrCreateOidcUser({
          actor: SIGN_IN_SERVICE,
          input: { claims: (profile ?? {}) as { sub: string }, clientAddress: await requestClientAddress() },
        });
        if (!result.ok) return `/sign-in?error=sso_${result.reason}`;
        // next-auth passes this same object to the jwt callback: the token gets our user's id and version.
        Object.assign(user, { id: result.user.id, sessionVersion: result.user.sessionVersion });
        return true;
      },
      async jwt({ token, user }) {
        // The token carries the user id and session version; role and active state are read on every request.
        if (user) {
          token.sub = user.id;
          token.sv = (user as SessionUser).sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? '', sessionVersion: token.sv ?? 0 } } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.sub) return;
        const { recordSignOut } = await import('@/lib/server/users/record-sign-out');
        const { SIGN_IN_SERVICE } = await import('@/lib/server/users/sign-in-service');
        await recordSignOut({ actor: SIGN_IN_SERVICE, input: { userId: token.sub } }).catch((err: unknown) =>
          console.error('could not record sign-out', err),
        );
      },
    },
  };
}
