import type { ProviderName } from './errors.ts';

/** Repository views as the REST contract shapes them (runtime.md §d rows 17–20), whatever the provider. */

export interface TreeEntry {
  name: string;
  path: string;
  type: 'blob' | 'tree';
  /** Bytes; GitLab's tree API does not say. */
  size?: number;
}

export type BlobView = { content: string; encoding: 'utf-8' | 'base64' } | { is_dir: true; path: string; entries: TreeEntry[] };

export interface Branch {
  name: string;
  protected: boolean;
  default: boolean;
  /** The head commit's SHA. */
  commit: string;
}

export interface Fork {
  name: string;
  full_name: string;
  url: string;
}

/** One repository on one provider, reached with one caller's credential. */
export interface RepoHost {
  readonly provider: ProviderName;
  tree(path: string, ref: string | undefined): Promise<TreeEntry[]>;
  blob(path: string, ref: string | undefined): Promise<BlobView>;
  branches(): Promise<Branch[]>;
  /** The forks owned by the credential's account. */
  forks(): Promise<Fork[]>;
  createFork(): Promise<void>;
}

/** Pages of 100 read at most per listing: 1,000 entries, branches or forks. */
export const MAX_PAGES = 10;
export const PER_PAGE = 100;
/** Largest file content returned (the GitHub contents API's own limit). */
export const MAX_BLOB_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text when the bytes are UTF-8, else base64 (binary files survive the trip). */
export function blobContent(bytes: Buffer): { content: string; encoding: 'utf-8' | 'base64' } {
  try {
    return { content: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { content: bytes.toString('base64'), encoding: 'base64' };
  }
}
