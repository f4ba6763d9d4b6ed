import { z } from 'zod';

export const ZSignInInput = z.object({
  email: z.string().trim().email('Enter a valid email address').max(254),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;
