import type { Environment, InstallationState } from '@prisma/client';

/** Which version of a tool an agent runs: the newest at install time, or the one before it. */
export type VersionPick = 'latest' | 'previous';

export interface DemoAgent {
  name: string;
  environment: Environment;
  owner: string;
  description: string;
  /** `unapproved`: a designed demo finding, installed out of band with no change request. */
  installs: [tool: string, pick: VersionPick, state: InstallationState, finding?: 'unapproved'][];
}

/** A dozen agents across environments, running tools from the sample registry. */
export const DEMO_AGENTS: DemoAgent[] = [
  {
    name: 'support-agent-prod-01',
    environment: 'PRODUCTION',
    owner: 'Customer Support',
    description: 'Answers tier-1 support tickets.',
    installs: [
      ['email-parser', 'latest', 'ACTIVE'],
      ['zendesk-tickets-mcp', 'latest', 'ACTIVE'],
      ['sentiment-classifier', 'latest', 'ACTIVE'],
      ['slack-notifier', 'latest', 'ACTIVE'],
      ['pii-redactor', 'latest', 'ACTIVE'],
    ],
  },
  {
    name: 'billing-agent-prod-02',
    environment: 'PRODUCTION',
    owner: 'Finance Ops',
    description: 'Explains invoices and issues refunds under limits.',
    installs: [
      ['stripe-billing-mcp', 'latest', 'ACTIVE'],
      ['invoice-extractor', 'latest', 'ACTIVE'],
      ['postgres-query-tool', 'latest', 'ACTIVE'],
      ['pdf-reader-pack', 'latest', 'ACTIVE'],
    ],
  },
  {
    name: 'sales-assistant-prod-03',
    environment: 'PRODUCTION',
    owner: 'Revenue Ops',
    description: 'Prepares account briefs for sales calls.',
    installs: [
      ['salesforce-crm-tool', 'previous', 'ACTIVE'],
      ['calendar-scheduler', 'previous', 'APPROVED'],
      // The designed finding: installed out of band, nothing approved it (flagged as unapproved).
      ['translation-pack', 'latest', 'ACTIVE', 'unapproved'],
    ],
  },
  {
    name: 'ops-runbook-agent-prod-04',
    environment: 'PRODUCTION',
    owner: 'Platform SRE',
    description: 'Runs incident runbooks and files follow-ups.',
    installs: [
      ['github-issues-mcp', 'latest', 'ACTIVE'],
      ['log-search-mcp', 'latest', 'ACTIVE'],
      ['kubernetes-inspector', 'previous', 'ACTIVE'],
      ['jira-sync', 'latest', 'ACTIVE'],
      ['web-scraper', 'latest', 'REQUESTED'],
    ],
  },
  {
    name: 'research-agent-staging-01',
    environment: 'STAGING',
    owner: 'Research',
    description: 'Literature and market research.',
    installs: [
      ['web-scraper', 'latest', 'ACTIVE'],
      ['pdf-reader-pack', 'latest', 'ACTIVE'],
      ['translation-pack', 'latest', 'ACTIVE'],
      ['browser-automation', 'latest', 'REQUESTED'],
    ],
  },
  {
    name: 'support-agent-staging-02',
    environment: 'STAGING',
    owner: 'Customer Support',
    description: 'Next release of the support agent.',
    installs: [
      ['zendesk-tickets-mcp', 'latest', 'ACTIVE'],
      ['teams-bot-connector', 'latest', 'ACTIVE'],
      ['ticket-triage-agent', 'latest', 'APPROVED'],
    ],
  },
  {
    name: 'data-pipeline-agent-staging-03',
    environment: 'STAGING',
    owner: 'Data Platform',
    description: 'Profiles and publishes nightly extracts.',
    installs: [
      ['csv-analyzer', 'latest', 'ACTIVE'],
      ['s3-bucket-browser', 'latest', 'ACTIVE'],
      ['excel-report-builder', 'latest', 'ACTIVE'],
      ['vector-memory-store', 'previous', 'APPROVED'],
    ],
  },
  {
    name: 'release-bot-staging-04',
    environment: 'STAGING',
    owner: 'Platform SRE',
    description: 'Checks release candidates before promotion.',
    installs: [
      ['git-repo-analyzer', 'latest', 'ACTIVE'],
      ['dependency-auditor', 'latest', 'ACTIVE'],
      ['secrets-scanner', 'latest', 'ACTIVE'],
      ['auto-deployer', 'previous', 'REVOKED'],
    ],
  },
  {
    name: 'dev-sandbox-agent-03',
    environment: 'DEVELOPMENT',
    owner: 'AI Platform',
    description: 'Free-form experiments by the platform team.',
    installs: [
      ['shell-exec-runner', 'latest', 'ACTIVE'],
      ['code-interpreter-sandbox', 'latest', 'ACTIVE'],
      ['crypto-price-feed', 'latest', 'REQUESTED'],
      ['file-organizer', 'latest', 'ACTIVE'],
    ],
  },
  {
    name: 'prototype-agent-dev-01',
    environment: 'DEVELOPMENT',
    owner: 'Product Labs',
    description: 'Knowledge-base assistant prototype.',
    installs: [
      ['notion-workspace-mcp', 'latest', 'ACTIVE'],
      ['google-drive-mcp', 'latest', 'ACTIVE'],
      ['speech-to-text', 'latest', 'APPROVED'],
      ['rss-digest', 'previous', 'ACTIVE'],
    ],
  },
  {
    name: 'code-review-agent-dev-02',
    environment: 'DEVELOPMENT',
    owner: 'Developer Experience',
    description: 'Reviews pull requests for style and secrets.',
    installs: [
      ['git-repo-analyzer', 'latest', 'ACTIVE'],
      ['secrets-scanner', 'latest', 'ACTIVE'],
      ['markdown-renderer', 'latest', 'ACTIVE'],
    ],
  },
  {
    name: 'qa-agent-dev-04',
    environment: 'DEVELOPMENT',
    owner: 'Quality Engineering',
    description: 'Exploratory UI testing.',
    installs: [
      ['screenshot-ocr', 'latest', 'ACTIVE'],
      ['image-resizer', 'latest', 'ACTIVE'],
      ['dns-lookup-tool', 'latest', 'REVOKED'],
      ['legacy-ftp-uploader', 'latest', 'BLOCKED'],
    ],
  },
];
