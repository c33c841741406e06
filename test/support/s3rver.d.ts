// s3rver ships no type declarations; these are the parts the file-upload tests use.
declare module 's3rver' {
  interface BucketConfig {
    name: string;
    configs: Buffer[] | string[];
  }
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    configureBuckets?: BucketConfig[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
