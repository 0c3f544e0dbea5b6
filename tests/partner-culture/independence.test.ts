import fs from 'node:fs';
import path from 'node:path';

/**
 * The example partner is what a partner copies into its own repository: every import must resolve inside its own
 * folder or to a package its package.json names (the kit among them), never to the hub's folders. ESLint's
 * no-restricted-imports for examples/** says the same while editing; this test holds it in CI.
 */
const ROOT = path.join(__dirname, '../../examples/partner-culture');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
    return /\.ts$/.test(entry.name) ? [full] : [];
  });
}

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

test('the example partner imports only its own files, Node built-ins and the packages its package.json declares', () => {
  const offending: string[] = [];
  for (const file of sources(ROOT)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)'([^']+)'/g)) {
      const specifier = match[1];
      const where = `${path.relative(ROOT, file)}: ${specifier}`;
      if (specifier.startsWith('.')) {
        if (path.relative(ROOT, path.resolve(path.dirname(file), specifier)).startsWith('..')) offending.push(where);
      } else if (!specifier.startsWith('node:') && !declared.has(packageOf(specifier))) offending.push(where);
    }
  }
  expect(offending).toEqual([]);
  expect(declared.has('@federation-hub/partner-kit')).toBe(true);
});
