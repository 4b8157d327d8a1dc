import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';

/**
 * PGlite is a single-process database: two processes opening the same data directory would corrupt
 * it. A lock file with the owner's pid keeps a second process (a CLI beside a running server) out,
 * with a plain Chinese message instead of a crash.
 */
export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = path.join(dataDir, 'xinyong.lock');
  const ownerPid = readLockOwner(lockPath);
  if (ownerPid !== null && ownerPid !== process.pid && isAlive(ownerPid)) {
    throw new AppError(
      'DATA_DIR_IN_USE',
      `数据目录 ${dataDir} 正被另一个进程（pid ${ownerPid}）使用。内置数据库同一时间只能由一个进程打开：请先停止平台服务再运行该命令，或设置 DATABASE_URL 使用 PostgreSQL 服务器。`,
    );
  }
  fs.writeFileSync(lockPath, String(process.pid));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (readLockOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once('exit', release);
  return { release };
}

function readLockOwner(lockPath: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
