/** Opens, migrates and (first start) seeds the database before the server takes requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDatabase } = await import('./lib/db/client');
  await getDatabase();
}
