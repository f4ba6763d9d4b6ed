// Playwright drives Debian's Chromium (no browser download here). Install it when missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const COMMAND = 'apt-get update && apt-get install -y chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (isRoot && isDebian) {
    console.log(`Chromium missing at ${CHROMIUM}: installing it with apt-get…`);
    execSync(COMMAND, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(
      `The end-to-end tests need Chromium at ${CHROMIUM}. Install it with:\n\n  sudo sh -c '${COMMAND}'\n\nor set CHROMIUM_PATH to another Chromium binary.`,
    );
    process.exit(1);
  }
}
