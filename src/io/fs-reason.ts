/** The user-facing reason when a path cannot be read or written. */

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
};

/** A filesystem error's code (ENOENT, EEXIST…), or undefined for anything else thrown. */
export function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** The reason a filesystem error gives, in words for the user. */
export function fsReason(err: unknown): string {
  const code = errorCode(err);
  return (code && REASONS[code]) ?? (err instanceof Error ? err.message : String(err));
}
