import type { SamplePackage, SamplePublisher, SampleRun, SampleVersion } from './model';

/** Renders the sample data in AgentNode's wire format (shared/AGENTNODE-API.md §2–4). */

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, details } };
}

/** Versions the public API lists: yanked and quarantined/rejected ones are left out. */
export function publicVersions(pkg: SamplePackage): SampleVersion[] {
  return pkg.versions.filter((v) => !v.yanked && (v.quarantine_status === 'none' || v.quarantine_status === 'cleared'));
}

/** What "latest" means in the detail route: the newest version that is not yanked. */
export function latestVersion(pkg: SamplePackage): SampleVersion | undefined {
  return [...pkg.versions].reverse().find((v) => !v.yanked);
}

export function searchHit(pkg: SamplePackage, publisher: SamplePublisher | undefined) {
  return {
    slug: pkg.slug,
    name: pkg.name,
    package_type: pkg.package_type,
    summary: pkg.summary,
    publisher_name: publisher?.display_name ?? pkg.publisher,
    publisher_slug: pkg.publisher,
    trust_level: publisher?.trust_level ?? 'unverified',
    latest_version: latestVersion(pkg)?.version_number ?? null,
    runtime: pkg.runtime,
    capability_ids: (latestVersion(pkg)?.capabilities ?? []).map((c) => c.capability_id),
    tags: pkg.tags,
    frameworks: ['langchain', 'crewai'],
    download_count: pkg.download_count,
    is_deprecated: pkg.is_deprecated,
  };
}

function stepList(run: SampleRun) {
  return [
    { name: 'install', status: run.install_status, duration_ms: 2300 },
    { name: 'import', status: run.import_status, duration_ms: run.import_status === 'skipped' ? null : 400 },
    { name: 'smoke', status: run.smoke_status, duration_ms: run.smoke_status === 'skipped' ? null : 900 },
    { name: 'tests', status: run.tests_status, duration_ms: run.tests_status === 'passed' ? 3100 : null },
  ];
}

/** The scorer's ScoreResult.to_dict() (AgentNode backend/app/verification/scoring.py), the parts the sample knows. */
function scoreBreakdown(run: SampleRun) {
  const step = (passed: boolean, max: number, ok: string, ko: string) => ({
    points: passed ? max : 0,
    max,
    reason: passed ? ok : ko,
  });
  return {
    score: run.score,
    tier: run.tier,
    confidence: run.confidence,
    breakdown: {
      install: step(run.install_status === 'passed', 15, 'Installed successfully', 'Installation failed'),
      import: step(run.import_status === 'passed', 15, 'All tools imported successfully', 'Import verification failed'),
      reliability:
        run.reliable_runs === null
          ? { points: 0, max: 10, reason: 'No stability data' }
          : { points: Math.floor((run.reliable_runs / 3) * 10), max: 10, reason: `${run.reliable_runs}/3 runs passed` },
    },
    explanation: '',
  };
}

function verificationInfo(run: SampleRun | null) {
  if (!run) return { status: 'pending', steps: [] };
  return {
    status: run.status === 'passed' ? 'verified' : run.status,
    last_verified_at: run.completed_at,
    runner_version: run.triggered_by === 'runner_upgrade' ? '2.4.0' : '2.3.1',
    steps: stepList(run),
    score: run.score,
    tier: run.tier,
    confidence: run.confidence,
    score_breakdown: scoreBreakdown(run),
    smoke_reason: run.smoke_reason,
    verification_mode: run.verification_mode,
    environment: { python_version: '3.11', system_capabilities: {}, sandbox_mode: 'container', installer: 'pip' },
  };
}

export function packageDetail(pkg: SamplePackage, version: SampleVersion, publisher: SamplePublisher | undefined) {
  const { allowed_domains: _d, external_integrations: _e, ...permissions } = version.permissions;
  return {
    slug: pkg.slug,
    name: pkg.name,
    package_type: pkg.package_type,
    summary: pkg.summary,
    description: pkg.description,
    publisher: {
      slug: pkg.publisher,
      display_name: publisher?.display_name ?? pkg.publisher,
      trust_level: publisher?.trust_level ?? 'unverified',
    },
    latest_version: {
      version_number: version.version_number,
      channel: version.channel,
      published_at: version.published_at,
      security_reviewed_at: null,
      compatibility_reviewed_at: null,
      manually_reviewed_at: null,
    },
    download_count: pkg.download_count,
    install_count: Math.floor(pkg.download_count / 3),
    is_deprecated: pkg.is_deprecated,
    quarantine_status: version.quarantine_status === 'quarantined' ? 'quarantined' : null,
    blocks: {
      capabilities: version.capabilities.map((c) => ({
        ...c,
        capability_type: 'tool',
        entrypoint: `${pkg.slug.replace(/-/g, '_')}.tool:${c.name}`,
        output_schema: { type: 'object' },
      })),
      prompts: [],
      resources: [],
      connector: null,
      recommended_for: [],
      install: {
        cli_command: `agentnode install ${pkg.slug}`,
        sdk_code: `client.install("${pkg.slug}")`,
        entrypoint: null,
        post_install_code: '',
        installable_version: version.version_number,
        install_resolution: 'direct',
      },
      compatibility: { frameworks: ['langchain', 'crewai'], runtime: pkg.runtime, python: '>=3.10', dependencies: [] },
      permissions,
      performance: {
        download_count: pkg.download_count,
        install_count: Math.floor(pkg.download_count / 3),
        review_count: 0,
        avg_rating: null,
      },
      trust: {
        publisher_trust_level: publisher?.trust_level ?? 'unverified',
        signature_present: version.signature_present,
        provenance_present: version.provenance_present,
        security_findings_count: 0,
        verification_status: version.run?.status ?? 'pending',
        last_updated: version.run?.completed_at ?? version.published_at,
      },
    },
    tags: pkg.tags,
    source_url: version.source_repo,
    verification: verificationInfo(version.run),
  };
}

export function versionItem(v: SampleVersion) {
  return {
    version_number: v.version_number,
    channel: v.channel,
    changelog: v.changelog,
    published_at: v.published_at,
    verification_status: v.run?.status ?? 'pending',
  };
}

export function verificationRun(run: SampleRun | null) {
  if (!run) return { status: 'pending' };
  return {
    status: run.status,
    started_at: run.started_at,
    completed_at: run.completed_at,
    duration_ms: 240_000,
    install_status: run.install_status,
    import_status: run.import_status,
    smoke_status: run.smoke_status,
    tests_status: run.tests_status,
    error_summary: run.error_summary,
    warnings_count: run.warnings_count,
    warnings_summary: run.warnings_count ? 'DeprecationWarning: pkg_resources is deprecated' : null,
    runner_version: run.triggered_by === 'runner_upgrade' ? '2.4.0' : '2.3.1',
    python_version: '3.11',
    runner_platform: 'linux',
    triggered_by: run.triggered_by,
    verification_run_count: run.run_count,
    last_verified_at: run.completed_at,
    install_log: null,
    import_log: null,
    smoke_log: null,
    tests_log: null,
  };
}

export function installInfo(pkg: SamplePackage, v: SampleVersion, origin: string) {
  return {
    slug: pkg.slug,
    version: v.version_number,
    package_type: pkg.package_type,
    entrypoint: `${pkg.slug.replace(/-/g, '_')}.tool`,
    permissions: v.permissions,
    artifact: {
      url: `${origin}/v1/packages/${pkg.slug}/download?version=${v.version_number}`,
      hash_sha256: v.artifact_hash,
      size_bytes: v.size_bytes,
      expires_in_seconds: 900,
    },
    verification_status: v.run?.status ?? 'pending',
    verification_tier: v.run?.tier ?? null,
    verification_score: v.run?.score ?? null,
    install_resolution: 'direct',
  };
}

export function trustInfo(pkg: SamplePackage, v: SampleVersion, publisher: SamplePublisher | undefined) {
  return {
    package_slug: pkg.slug,
    version: v.version_number,
    publisher_trust_level: publisher?.trust_level ?? 'unverified',
    signature_present: v.signature_present,
    signature_verified: v.signature_present ? true : null,
    provenance_present: v.provenance_present,
    provenance_verified: v.provenance_present ? true : null,
    source_repo: v.source_repo,
    quarantine_status: v.quarantine_status,
    open_findings: 0,
    last_scan_at: null,
  };
}

export function publisherBody(p: SamplePublisher, packagesPublished: number) {
  const { rev1_trust_level: _r, ...rest } = p;
  return { id: `pub_${p.slug}`, ...rest, packages_published_count: packagesPublished };
}
