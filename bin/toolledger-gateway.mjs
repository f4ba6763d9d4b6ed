#!/usr/bin/env node
// `npx toolledger-gateway …` from this repository: runs the gateway's TypeScript through tsx,
// so it needs neither the Next.js app nor a build. See README "MCP gateway".
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { runGateway } = await import('../lib/gateway/main.ts');
process.exitCode = await runGateway(process.argv.slice(2), process.env);
