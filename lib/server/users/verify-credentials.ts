import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { ZSignInInput } from '@/lib/validation/auth';

// Compared against when the email is unknown, so timing does not tell which emails exist.
let dummyHash: Promise<string> | undefined;

export async function verifyCredentials(input: unknown) {
  const parsed = ZSignInInput.safeParse(input);
  if (!parsed.success) return null;
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { email: parsed.data.email.toLowerCase() } });
  if (!user || !user.passwordHash || !user.active) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, parsed.data.password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
