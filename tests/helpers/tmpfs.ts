/**
 * Small tmpfs mounts for the server suites' disk faults (a full disk, a read-only filesystem),
 * where this machine allows them: Linux, as root, with the capability to mount. Suites that need
 * one run only then (`describe.runIf(canMountTmpfs)`); each mount is undone by the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function tryMount(options: string): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  if (mounted.status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return null;
}

export function unmount(dir: string): void {
  spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
}

export const canMountTmpfs: boolean = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tryMount('size=1m');
  if (!probe) return false;
  unmount(probe);
  return true;
})();

/** A new tmpfs of `megabytes` (0700, or read-only), mounted on a fresh temporary directory. */
export function mountTmpfs(megabytes: number, readOnly = false): string {
  const dir = tryMount(`size=${megabytes}m,mode=0700${readOnly ? ',ro' : ''}`);
  if (!dir) throw new Error('cannot mount a tmpfs here');
  return dir;
}
