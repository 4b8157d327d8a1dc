/**
 * Sums self time by function (name + file) in V8 .cpuprofile files (node --cpu-prof), and also by file.
 *
 *   tsx bench/profile-summary.ts bench/out/prof/*.cpuprofile [--top 30]
 */
import fs from 'node:fs';
import path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 30;
const files = args.filter((arg, i) => !arg.startsWith('--') && !(topIndex >= 0 && i === topIndex + 1));
const cwd = process.cwd();

function shortUrl(url: string): string {
  if (!url) return '(native/vm)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) return file.slice(nm);
  return file.startsWith(cwd) ? path.relative(cwd, file) : file;
}

for (const file of files) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  // time of sample i = timeDeltas[i + 1] (the delta until the next sample); the last sample gets its own delta
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    selfMicros.set(profile.samples[i], (selfMicros.get(profile.samples[i]) ?? 0) + delta);
  }
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = shortUrl(url);
    const key = `${functionName || '(anonymous)'}  ${where}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const group = url ? (where.startsWith('node_modules/') ? where.split('/').slice(0, where.startsWith('node_modules/@') ? 3 : 2).join('/') : where) : `(${functionName || 'native'})`;
    byFile.set(group, (byFile.get(group) ?? 0) + micros);
  }
  const print = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${(micros / 1e6).toFixed(2).padStart(8)} s ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`);
    }
  };
  console.log(`# ${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled (wall ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s)`);
  print('self time by function', byFunction);
  print('self time by file / package', byFile);
}
