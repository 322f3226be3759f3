/** The errno values file system calls fail with, and the strerror texts programs print for them. */

export type FsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EROFS' | 'EINVAL' | 'ELOOP' | 'EACCES' | 'EPERM';

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
  }

  /** The strerror text programs print, e.g. "No such file or directory". */
  get text(): string {
    return FS_ERROR_TEXT[this.code];
  }
}

export const FS_ERROR_TEXT: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
};
