#!/usr/bin/env node
// Build the web app (portal + console) with Vite into web/dist.
//
//   node scripts/build-web.mjs               always build
//   node scripts/build-web.mjs --if-missing  build only when web/dist/index.html is missing or older
//                                            than any file under web/src or web/index.html
//
// Prints one line saying what it did; exits non-zero on failure. Runs from `npm install`
// (postinstall) and before `npm start`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'web');
const distIndex = path.join(webDir, 'dist', 'index.html');
const ifMissing = process.argv.includes('--if-missing');

/** Newest modification time (ms) of a file or of any file below a directory. */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes the directory's mtime
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function upToDate() {
  if (!existsSync(distIndex)) return false;
  const built = statSync(distIndex).mtimeMs;
  const sources = Math.max(newestMtime(path.join(webDir, 'src')), newestMtime(path.join(webDir, 'index.html')));
  return built > sources;
}

async function main() {
  if (ifMissing && upToDate()) {
    console.log('build-web: web/dist is up to date, skipped the build');
    return;
  }
  let build;
  try {
    ({ build } = await import('vite'));
  } catch (error) {
    throw new Error(`cannot load vite (devDependencies not installed?): ${error instanceof Error ? error.message : error}`);
  }
  const started = Date.now();
  process.chdir(root);
  await build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  console.log(`build-web: built web/dist in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

main().catch((error) => {
  console.error(`build-web: build failed: ${error instanceof Error ? error.stack || error.message : error}`);
  process.exit(1);
});
