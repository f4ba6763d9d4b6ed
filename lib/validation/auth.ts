import { z } from 'zod';
import { zText } from './text';

export const ZSignInInput = z.object({
  email: zText().trim().email('Enter a valid email address').max(254),
  password: zText().min(1, 'Enter your password').max(1024),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** What the sign-in endpoint hands to the credentials check: the form's fields and where they came from. */
export const ZPasswordSignInAttempt = ZSignInInput.extend({
  clientAddress: zText().trim().max(64).nullable().default(null),
});
export type TPasswordSignInAttempt = z.input<typeof ZPasswordSignInAttempt>;

/** The identity provider's claims as they arrive (the decision in lib/domain/auth reads them). */
export const ZOidcSignInAttempt = z.object({
  claims: z
    .object({
      sub: zText().min(1).max(255),
      email: zText().max(254).nullish(),
      email_verified: z.union([z.boolean(), zText().max(10)]).nullish(),
      name: zText().max(200).nullish(),
      groups: z.unknown().optional(),
    })
    .passthrough(),
  clientAddress: zText().trim().max(64).nullable().default(null),
});
export type TOidcSignInAttempt = z.input<typeof ZOidcSignInAttempt>;

export const ZSignOutInput = z.object({ userId: zText().min(1).max(64) });
export type TSignOutInput = z.infer<typeof ZSignOutInput>;
