import { buildPackage, type Quality } from './build-package';
import type { SampleCatalog, SamplePackage, SamplePublisher } from './model';

/**
 * A catalogue of N tools × M versions for the bench. Package i is computed from i when asked
 * for, so 5,000 tools never sit in memory on the server side either.
 */
const QUALITIES: Quality[] = ['gold', 'verified', 'verified', 'partial', 'unverified'];
const PUBLISHER_COUNT = 50;

export function benchCatalog(tools: number, versionsPerTool: number): SampleCatalog {
  const width = String(tools).length;
  const slugOf = (i: number) => `bench-tool-${String(i).padStart(width, '0')}`;
  const packageAt = (i: number): SamplePackage =>
    buildPackage({
      slug: slugOf(i),
      name: `Bench Tool ${String(i).padStart(width, '0')}`,
      type: 'toolpack',
      runtime: 'python',
      publisher: `bench-publisher-${i % PUBLISHER_COUNT}`,
      summary: `Synthetic tool number ${i} for the sync benchmark.`,
      caps: ['run', 'describe', 'configure'],
      versions: versionsPerTool,
      quality: QUALITIES[i % QUALITIES.length]!,
      perms: { network_level: i % 3 === 0 ? 'none' : 'restricted', allowed_domains: i % 3 === 0 ? [] : ['api.example.com'] },
      changes: i % 7 === 0 ? [{ at: versionsPerTool - 1, perms: { network_level: 'unrestricted' } }] : [],
    });
  return {
    count: () => tools,
    packageAt,
    bySlug: (slug) => {
      const m = slug.match(/^bench-tool-(\d+)$/);
      const i = m ? Number(m[1]) : -1;
      return i >= 0 && i < tools && slugOf(i) === slug ? packageAt(i) : undefined;
    },
    publisher: (slug): SamplePublisher | undefined => {
      const m = slug.match(/^bench-publisher-(\d+)$/);
      if (!m || Number(m[1]) >= PUBLISHER_COUNT) return undefined;
      return {
        slug,
        display_name: `Bench Publisher ${m[1]}`,
        bio: '',
        trust_level: 'verified',
        website_url: null,
        github_url: null,
        created_at: '2025-01-01T00:00:00Z',
      };
    },
  };
}
