import { z } from 'zod';
import { zText } from './text';

export const ZSignInInput = z.object({
  email: zText().trim().email('Enter a valid email address').max(254),
  password: zText().min(1, 'Enter your password').max(1024),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;
