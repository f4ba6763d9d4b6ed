-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'API_KEY', 'SYSTEM');

-- CreateEnum
CREATE TYPE "Environment" AS ENUM ('PRODUCTION', 'STAGING', 'DEVELOPMENT');

-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('GOLD', 'VERIFIED', 'PARTIAL', 'UNVERIFIED', 'FAILED');

-- CreateEnum
CREATE TYPE "NetworkLevel" AS ENUM ('NONE', 'INTERNAL', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "FilesystemLevel" AS ENUM ('NONE', 'READ', 'WRITE');

-- CreateEnum
CREATE TYPE "CodeExecutionLevel" AS ENUM ('NONE', 'SANDBOXED', 'UNRESTRICTED');

-- CreateEnum
CREATE TYPE "DataAccessLevel" AS ENUM ('NONE', 'READ', 'READ_WRITE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('ENFORCE', 'INGEST', 'READ');

-- CreateEnum
CREATE TYPE "RegistryKind" AS ENUM ('AGENTNODE', 'MCP_REGISTRY', 'NPM');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "PublisherTrust" AS ENUM ('UNVERIFIED', 'VERIFIED', 'TRUSTED', 'CURATED');

-- CreateEnum
CREATE TYPE "ToolKind" AS ENUM ('MCP_SERVER', 'AGENT_PLUGIN', 'TOOL_PACKAGE');

-- CreateEnum
CREATE TYPE "DataClassification" AS ENUM ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "VerificationState" AS ENUM ('PASSED', 'FAILED', 'UNVERIFIED');

-- CreateEnum
CREATE TYPE "CheckStatus" AS ENUM ('PASS', 'FAIL', 'SKIPPED');

-- CreateEnum
CREATE TYPE "InstallationState" AS ENUM ('REQUESTED', 'APPROVED', 'ACTIVE', 'REVOKED', 'BLOCKED');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "SyncTrigger" AS ENUM ('MANUAL', 'SCHEDULE', 'API', 'STARTUP');

-- CreateEnum
CREATE TYPE "ExceptionStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'REVOKED');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('NEW_TOOL', 'VERSION_UPDATE', 'PERMISSION_CHANGE', 'REMOVAL');

-- CreateEnum
CREATE TYPE "ChangeState" AS ENUM ('COMPLIANCE_REVIEW', 'SECURITY_REVIEW', 'APPROVED', 'REJECTED', 'DEPLOYED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ChangeSource" AS ENUM ('USER', 'ENFORCEMENT', 'FAST_TRACK');

-- CreateEnum
CREATE TYPE "ReviewStage" AS ENUM ('COMPLIANCE', 'SECURITY');

-- CreateEnum
CREATE TYPE "Decision" AS ENUM ('APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "EnforcementAction" AS ENUM ('INSTALL', 'INVOKE');

-- CreateEnum
CREATE TYPE "EnforcementOutcome" AS ENUM ('ALLOW', 'DENY');

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" "ApiKeyScope"[],
    "agentId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registry" (
    "id" TEXT NOT NULL,
    "kind" "RegistryKind" NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "config" JSONB,
    "syncCursor" TEXT,
    "lastSyncAt" TIMESTAMP(3),
    "lastSyncStatus" "SyncStatus",
    "lastSyncError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Registry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publisher" (
    "id" TEXT NOT NULL,
    "registryId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "trustLevel" "PublisherTrust" NOT NULL DEFAULT 'UNVERIFIED',
    "identityVerifiedAt" TIMESTAMP(3),
    "identityWithdrawnAt" TIMESTAMP(3),
    "websiteUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Publisher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tool" (
    "id" TEXT NOT NULL,
    "registryId" TEXT NOT NULL,
    "publisherId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "ToolKind" NOT NULL DEFAULT 'MCP_SERVER',
    "owner" TEXT,
    "dataClassification" "DataClassification" NOT NULL DEFAULT 'INTERNAL',
    "repositoryUrl" TEXT,
    "deprecatedAt" TIMESTAMP(3),
    "registryStatus" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "latestVersionId" TEXT,
    "latestVersionName" TEXT,
    "tier" "Tier" NOT NULL DEFAULT 'UNVERIFIED',
    "trustScore" INTEGER,
    "network" "NetworkLevel" NOT NULL DEFAULT 'NONE',
    "filesystem" "FilesystemLevel" NOT NULL DEFAULT 'NONE',
    "codeExecution" "CodeExecutionLevel" NOT NULL DEFAULT 'NONE',
    "dataAccess" "DataAccessLevel" NOT NULL DEFAULT 'NONE',
    "verificationState" "VerificationState" NOT NULL DEFAULT 'UNVERIFIED',
    "lastVerifiedAt" TIMESTAMP(3),

    CONSTRAINT "Tool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolVersion" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "artifactDigest" TEXT,
    "toolDefsHash" TEXT,
    "toolDefinitions" JSONB,
    "network" "NetworkLevel" NOT NULL DEFAULT 'NONE',
    "filesystem" "FilesystemLevel" NOT NULL DEFAULT 'NONE',
    "codeExecution" "CodeExecutionLevel" NOT NULL DEFAULT 'NONE',
    "dataAccess" "DataAccessLevel" NOT NULL DEFAULT 'NONE',
    "declaredPermissions" JSONB,
    "allowedDomains" TEXT[],
    "provenance" JSONB,
    "quarantineStatus" TEXT,
    "yankedAt" TIMESTAMP(3),
    "riskSignals" JSONB,
    "tier" "Tier" NOT NULL DEFAULT 'UNVERIFIED',
    "trustScore" INTEGER,
    "verificationState" "VerificationState" NOT NULL DEFAULT 'UNVERIFIED',
    "lastVerifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ToolVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationRecord" (
    "id" TEXT NOT NULL,
    "toolVersionId" TEXT NOT NULL,
    "registryId" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "installCheck" "CheckStatus" NOT NULL,
    "importCheck" "CheckStatus" NOT NULL,
    "smokeCheck" "CheckStatus" NOT NULL,
    "permissionCheck" "CheckStatus" NOT NULL,
    "checks" JSONB NOT NULL,
    "trustScore" INTEGER,
    "tier" "Tier" NOT NULL,
    "registryTier" TEXT,
    "rawPayload" JSONB NOT NULL,
    "payloadSha256" TEXT NOT NULL,

    CONSTRAINT "VerificationRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "environment" "Environment" NOT NULL,
    "owner" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Installation" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "toolVersionId" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "environment" "Environment" NOT NULL,
    "state" "InstallationState" NOT NULL DEFAULT 'REQUESTED',
    "approvedDigest" TEXT,
    "approvedAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'OPEN',
    "title" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "toolId" TEXT,
    "toolVersionId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "registryId" TEXT NOT NULL,
    "trigger" "SyncTrigger" NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "startedById" TEXT,
    "cursorBefore" TEXT,
    "cursorAfter" TEXT,
    "toolsSeen" INTEGER NOT NULL DEFAULT 0,
    "versionsCreated" INTEGER NOT NULL DEFAULT 0,
    "recordsCreated" INTEGER NOT NULL DEFAULT 0,
    "alertsRaised" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "pagesDone" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "environment" "Environment" NOT NULL,
    "version" INTEGER NOT NULL,
    "minTier" "Tier",
    "minTrustScore" INTEGER,
    "maxNetwork" "NetworkLevel" NOT NULL DEFAULT 'EXTERNAL',
    "maxFilesystem" "FilesystemLevel" NOT NULL DEFAULT 'WRITE',
    "maxCodeExecution" "CodeExecutionLevel" NOT NULL DEFAULT 'UNRESTRICTED',
    "maxDataAccess" "DataAccessLevel" NOT NULL DEFAULT 'READ_WRITE',
    "reviewOnExternalNetwork" BOOLEAN NOT NULL DEFAULT true,
    "reviewOnFilesystemWrite" BOOLEAN NOT NULL DEFAULT true,
    "reviewOnCodeExecution" BOOLEAN NOT NULL DEFAULT true,
    "requireVersionVerification" BOOLEAN NOT NULL DEFAULT true,
    "maxVerificationAgeDays" INTEGER,
    "logUnverified" BOOLEAN NOT NULL DEFAULT false,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyException" (
    "id" TEXT NOT NULL,
    "rules" TEXT[],
    "toolId" TEXT NOT NULL,
    "toolVersionId" TEXT,
    "environment" "Environment" NOT NULL,
    "justification" TEXT NOT NULL,
    "compensatingControls" TEXT NOT NULL,
    "remediationPlan" TEXT NOT NULL,
    "remediationDate" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "status" "ExceptionStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedById" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeRequest" (
    "id" TEXT NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "state" "ChangeState" NOT NULL DEFAULT 'COMPLIANCE_REVIEW',
    "source" "ChangeSource" NOT NULL DEFAULT 'USER',
    "toolId" TEXT,
    "requestedToolName" TEXT,
    "requestedVersion" TEXT,
    "toolVersionId" TEXT,
    "fromVersionId" TEXT,
    "agentId" TEXT,
    "environment" "Environment" NOT NULL,
    "artifactDigest" TEXT,
    "justification" TEXT NOT NULL DEFAULT '',
    "evaluationSnapshot" JSONB NOT NULL,
    "requiresSecurityReview" BOOLEAN NOT NULL DEFAULT false,
    "requestedById" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "deployedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "stage" "ReviewStage" NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" "Decision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeComment" (
    "id" TEXT NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllowlistEntry" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "environment" "Environment" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AllowlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementDecision" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "apiKeyId" TEXT,
    "agentName" TEXT NOT NULL,
    "agentId" TEXT,
    "toolName" TEXT NOT NULL,
    "toolId" TEXT,
    "version" TEXT NOT NULL,
    "toolVersionId" TEXT,
    "artifactDigest" TEXT,
    "action" "EnforcementAction" NOT NULL,
    "outcome" "EnforcementOutcome" NOT NULL,
    "reasons" JSONB NOT NULL,
    "policyId" TEXT,
    "policyVersion" INTEGER,
    "exceptionId" TEXT,
    "changeRequestId" TEXT,

    CONSTRAINT "EnforcementDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_seq_idx" ON "AuditEvent"("entityType", "entityId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- CreateIndex
CREATE INDEX "ApiKey_revokedAt_idx" ON "ApiKey"("revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Registry_name_key" ON "Registry"("name");

-- CreateIndex
CREATE INDEX "Publisher_name_idx" ON "Publisher"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Publisher_registryId_externalId_key" ON "Publisher"("registryId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Tool_latestVersionId_key" ON "Tool"("latestVersionId");

-- CreateIndex
CREATE INDEX "Tool_name_idx" ON "Tool"("name");

-- CreateIndex
CREATE INDEX "Tool_tier_name_idx" ON "Tool"("tier", "name");

-- CreateIndex
CREATE INDEX "Tool_trustScore_idx" ON "Tool"("trustScore");

-- CreateIndex
CREATE INDEX "Tool_publisherId_idx" ON "Tool"("publisherId");

-- CreateIndex
CREATE INDEX "Tool_verificationState_idx" ON "Tool"("verificationState");

-- CreateIndex
CREATE INDEX "Tool_network_idx" ON "Tool"("network");

-- CreateIndex
CREATE INDEX "Tool_filesystem_idx" ON "Tool"("filesystem");

-- CreateIndex
CREATE INDEX "Tool_codeExecution_idx" ON "Tool"("codeExecution");

-- CreateIndex
CREATE INDEX "Tool_dataAccess_idx" ON "Tool"("dataAccess");

-- CreateIndex
CREATE INDEX "Tool_updatedAt_idx" ON "Tool"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Tool_registryId_externalId_key" ON "Tool"("registryId", "externalId");

-- CreateIndex
CREATE INDEX "ToolVersion_toolId_publishedAt_idx" ON "ToolVersion"("toolId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ToolVersion_toolId_version_key" ON "ToolVersion"("toolId", "version");

-- CreateIndex
CREATE INDEX "VerificationRecord_toolVersionId_verifiedAt_idx" ON "VerificationRecord"("toolVersionId", "verifiedAt");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationRecord_toolVersionId_payloadSha256_key" ON "VerificationRecord"("toolVersionId", "payloadSha256");

-- CreateIndex
CREATE UNIQUE INDEX "Agent_name_key" ON "Agent"("name");

-- CreateIndex
CREATE INDEX "Agent_environment_idx" ON "Agent"("environment");

-- CreateIndex
CREATE INDEX "Installation_toolId_environment_idx" ON "Installation"("toolId", "environment");

-- CreateIndex
CREATE INDEX "Installation_agentId_toolId_idx" ON "Installation"("agentId", "toolId");

-- CreateIndex
CREATE UNIQUE INDEX "Installation_agentId_toolVersionId_key" ON "Installation"("agentId", "toolVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_dedupeKey_key" ON "Alert"("dedupeKey");

-- CreateIndex
CREATE INDEX "Alert_state_severity_createdAt_idx" ON "Alert"("state", "severity", "createdAt");

-- CreateIndex
CREATE INDEX "Alert_toolId_idx" ON "Alert"("toolId");

-- CreateIndex
CREATE INDEX "SyncRun_registryId_startedAt_idx" ON "SyncRun"("registryId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_environment_version_key" ON "Policy"("environment", "version");

-- CreateIndex
CREATE INDEX "PolicyException_toolId_environment_status_idx" ON "PolicyException"("toolId", "environment", "status");

-- CreateIndex
CREATE INDEX "ChangeRequest_state_dueAt_idx" ON "ChangeRequest"("state", "dueAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_toolId_idx" ON "ChangeRequest"("toolId");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_changeRequestId_stage_key" ON "Approval"("changeRequestId", "stage");

-- CreateIndex
CREATE INDEX "ChangeComment_changeRequestId_createdAt_idx" ON "ChangeComment"("changeRequestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AllowlistEntry_toolId_environment_key" ON "AllowlistEntry"("toolId", "environment");

-- CreateIndex
CREATE INDEX "EnforcementDecision_createdAt_idx" ON "EnforcementDecision"("createdAt");

-- CreateIndex
CREATE INDEX "EnforcementDecision_toolId_createdAt_idx" ON "EnforcementDecision"("toolId", "createdAt");

-- CreateIndex
CREATE INDEX "EnforcementDecision_agentName_createdAt_idx" ON "EnforcementDecision"("agentName", "createdAt");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publisher" ADD CONSTRAINT "Publisher_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "Registry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tool" ADD CONSTRAINT "Tool_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "Registry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tool" ADD CONSTRAINT "Tool_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "Publisher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tool" ADD CONSTRAINT "Tool_latestVersionId_fkey" FOREIGN KEY ("latestVersionId") REFERENCES "ToolVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolVersion" ADD CONSTRAINT "ToolVersion_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationRecord" ADD CONSTRAINT "VerificationRecord_toolVersionId_fkey" FOREIGN KEY ("toolVersionId") REFERENCES "ToolVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationRecord" ADD CONSTRAINT "VerificationRecord_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "Registry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Installation" ADD CONSTRAINT "Installation_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Installation" ADD CONSTRAINT "Installation_toolVersionId_fkey" FOREIGN KEY ("toolVersionId") REFERENCES "ToolVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Installation" ADD CONSTRAINT "Installation_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "Registry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyException" ADD CONSTRAINT "PolicyException_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeComment" ADD CONSTRAINT "ChangeComment_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

