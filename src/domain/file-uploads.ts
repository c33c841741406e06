import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type pg from 'pg';
import { transaction } from '../db/transaction.ts';
import { Session } from '../kinds/index.ts';
import type { Logger } from '../log.ts';
import { DomainError, invalid, unavailable } from './errors.ts';
import { workspacePath } from './runner-paths.ts';
import type { Domain, RequestContext } from './service.ts';
import type { Row } from './wire.ts';

/**
 * File pre-uploads (runtime.md §d row 5): files a user gives a session before its pod exists,
 * under the legacy object key `<namespace>/<kube_cr_name>/file-uploads/<path>` — the layout the
 * runner pod's hydrate step downloads into `/workspace/file-uploads` from S3. Two stores: S3 (or any
 * S3-compatible server) when configured, and Postgres, the embedded default so `npm start` has it
 * too. At most 10 MB per file (413 code 32 past it), refused while it is read.
 *
 * A body is read into memory before it is stored, never more than the limit: S3's PutObject needs
 * the length up front (a streamed multipart upload has a 5 MB minimum part and gains nothing at
 * 10 MB), and the Postgres write is one transaction that may be retried, so it must be replayable.
 */

export const FILE_UPLOAD_LIMIT = 10 * 1024 * 1024;

export interface StoredFile {
  key: string;
  size: number;
  last_modified: string;
  content_type: string;
}

export interface FileUploadStore {
  put(sessionId: string, key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Every file under `prefix`, by key. */
  list(sessionId: string, prefix: string): Promise<StoredFile[]>;
  delete(sessionId: string, key: string): Promise<void>;
}

/** Postgres chunks of at most this size: no single bytea value is large, and a row stays cheap to copy. */
const CHUNK = 1024 * 1024;

/** The embedded store: one metadata row per file and its bytes in 1 MiB chunks, replaced in one transaction. */
export class PostgresFileUploads implements FileUploadStore {
  constructor(private readonly pool: pg.Pool) {}

  async put(sessionId: string, key: string, bytes: Buffer, contentType: string): Promise<void> {
    await transaction(this.pool, async (tx) => {
      await tx.query('DELETE FROM session_file_upload_chunks WHERE key = $1', [key]);
      await tx.query(
        `INSERT INTO session_file_uploads (key, session_id, content_type, size, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (key) DO UPDATE SET content_type = EXCLUDED.content_type, size = EXCLUDED.size, updated_at = now()`,
        [key, sessionId, contentType, bytes.length],
      );
      for (let n = 0, at = 0; at < bytes.length; n++, at += CHUNK)
        await tx.query('INSERT INTO session_file_upload_chunks (key, n, data) VALUES ($1, $2, $3)', [key, n, bytes.subarray(at, at + CHUNK)]);
    });
  }

  async list(sessionId: string, prefix: string): Promise<StoredFile[]> {
    const { rows } = await this.pool.query<{ key: string; size: number; updated_at: Date; content_type: string }>(
      `SELECT key, size, updated_at, content_type FROM session_file_uploads
        WHERE session_id = $1 AND starts_with(key, $2) ORDER BY key`,
      [sessionId, prefix],
    );
    return rows.map((r) => ({ key: r.key, size: r.size, last_modified: r.updated_at.toISOString(), content_type: r.content_type }));
  }

  async delete(_sessionId: string, key: string): Promise<void> {
    await transaction(this.pool, async (tx) => {
      await tx.query('DELETE FROM session_file_upload_chunks WHERE key = $1', [key]);
      await tx.query('DELETE FROM session_file_uploads WHERE key = $1', [key]);
    });
  }
}

export interface S3StoreConfig {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph, …); unset: AWS. */
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (environment, web identity, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

/** S3 through the maintained AWS client (SigV4, retries, endpoint rules). */
export class S3FileUploads implements FileUploadStore {
  private readonly client: S3Client;

  constructor(private readonly config: S3StoreConfig) {
    this.client = new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
    });
  }

  async put(_sessionId: string, key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes, ContentLength: bytes.length, ContentType: contentType }));
  }

  async list(_sessionId: string, prefix: string): Promise<StoredFile[]> {
    const files: StoredFile[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? [])
        // ListObjectsV2 has no content type; the legacy listing had none either, so the generic type stands in.
        files.push({
          key: o.Key ?? '',
          size: o.Size ?? 0,
          last_modified: (o.LastModified ?? new Date(0)).toISOString(),
          content_type: 'application/octet-stream',
        });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return files;
  }

  async delete(_sessionId: string, key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  close(): void {
    this.client.destroy();
  }
}

/** The pre-upload operations: authorization through the domain (view to list, edit to change), path checks, the size limit. */
export class SessionFileUploads {
  constructor(
    private readonly domain: Domain,
    /** Undefined: pre-uploads are switched off (503 code 31). */
    private readonly store: FileUploadStore | undefined,
    private readonly log: Logger,
  ) {}

  async list(ctx: RequestContext, id: string): Promise<{ files: StoredFile[] }> {
    const store = this.storeOrUnavailable();
    const session = await this.domain.get(ctx, Session, id);
    return { files: await this.storage(() => store.list(session.id, prefixOf(session))) };
  }

  /** Stores `body` (read here, at most FILE_UPLOAD_LIMIT bytes) at `rawPath`. */
  async put(
    ctx: RequestContext,
    id: string,
    rawPath: string,
    body: AsyncIterable<Uint8Array>,
    contentType: string | undefined,
  ): Promise<{ success: true; filename: string; size: number }> {
    const store = this.storeOrUnavailable();
    const path = workspacePath(rawPath);
    const session = await this.domain.withLocked(ctx, Session, id, 'edit', async (_c, row) => row);
    const bytes = await readLimited(body, FILE_UPLOAD_LIMIT);
    if (bytes.length === 0) throw invalid('the file is empty', 'body');
    const type = contentType && /^[\w.+-]+\/[\w.+-]+(;.*)?$/.test(contentType) && contentType.length <= 255 ? contentType : 'application/octet-stream';
    await this.storage(() => store.put(session.id, `${prefixOf(session)}${path}`, bytes, type));
    return { success: true, filename: path, size: bytes.length };
  }

  async delete(ctx: RequestContext, id: string, rawPath: string): Promise<{ success: true }> {
    const store = this.storeOrUnavailable();
    const path = workspacePath(rawPath);
    const session = await this.domain.withLocked(ctx, Session, id, 'edit', async (_c, row) => row);
    await this.storage(() => store.delete(session.id, `${prefixOf(session)}${path}`));
    return { success: true };
  }

  private storeOrUnavailable(): FileUploadStore {
    if (!this.store) throw unavailable('file pre-uploads are not configured on this server (FILE_UPLOADS_STORE=off)');
    return this.store;
  }

  /** A store failure is the storage's, not the caller's: 503 code 31, the cause logged, not shown. */
  private async storage<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      this.log.warn({ err: error }, 'file pre-upload storage failed');
      throw unavailable('file pre-upload storage is unavailable');
    }
  }
}

/** `<namespace>/<kube_cr_name>/file-uploads/`: the project's namespace, as the reconciler names it, when not yet recorded. */
function prefixOf(session: Row): string {
  const namespace =
    typeof session['kube_namespace'] === 'string' && session['kube_namespace'] !== '' ? session['kube_namespace'] : String(session['project_id']);
  return `${namespace}/${String(session['kube_cr_name'])}/file-uploads/`;
}

/** The whole body, refusing (413 code 32) as soon as it passes `limit`. */
async function readLimited(body: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) throw new DomainError(32, `File exceeds the ${limit / (1024 * 1024)} MB limit`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, size);
}
