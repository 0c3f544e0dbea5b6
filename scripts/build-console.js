#!/usr/bin/env node
/**
 * Builds the console (console/ → console/dist) with Vite. Run by `npm ci`/`npm install` (postinstall) and by `npm start`
 * with --if-missing (built only when console/dist is missing or older than a source), so that a fresh clone serves /app/ after `npm ci && npm start`. Without the console's sources
 * (the Docker image installs before it copies them) or without Vite (`--omit=dev` is fine: Vite is a dependency)
 * it says so and stops without failing the install.
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', 'console');
const ifMissing = process.argv.includes('--if-missing');
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.log('console: no sources here, not built');
  process.exit(0);
}
/** The newest modification time among the console's sources (and the schema its types come from). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
const built = path.join(root, 'dist', 'index.html');
if (ifMissing && fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource(root)) process.exit(0);
// A production build whoever calls (jest runs with NODE_ENV=test, which would ship React's development build).
process.env.NODE_ENV = 'production';
import('vite')
  .then(({ build }) => build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' }))
  .then(() => console.log('console: built into console/dist'))
  .catch((error) => {
    console.error('console: the build failed:', error);
    process.exit(1);
  });
