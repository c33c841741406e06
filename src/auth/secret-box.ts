import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encryption of secrets at rest (runtime.md §c.3): AES-256-GCM, a fresh 12-byte nonce per value,
 * and associated data `<table>:<row id>:<column>` binding each ciphertext to its row and column, so
 * a ciphertext copied elsewhere does not decrypt. The first key encrypts; every key decrypts, which
 * lets operators rotate keys.
 *
 * Stored form: `v1.<key id>.<base64url nonce>.<base64url ciphertext‖tag>`, key id = the first 8
 * hex characters of SHA-256 of the key.
 */
export class SecretBox {
  private readonly keys: { id: string; key: Buffer }[];

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new Error('SecretBox needs at least one key');
    this.keys = keys.map((key) => ({ id: createHash('sha256').update(key).digest('hex').slice(0, 8), key }));
  }

  encrypt(plaintext: string, associatedData: string): string {
    const { id, key } = this.keys[0]!;
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from(associatedData));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1.${id}.${nonce.toString('base64url')}.${sealed.toString('base64url')}`;
  }

  decrypt(stored: string, associatedData: string): string {
    const [version, keyId, nonce, sealed] = stored.split('.');
    const entry = this.keys.find((k) => k.id === keyId);
    if (version !== 'v1' || !entry || !nonce || !sealed) throw new Error('secret was encrypted with an unknown key or format');
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  }
}

/** The associated data of a secret column. */
export const secretContext = (table: string, id: string, column: string) => `${table}:${id}:${column}`;
