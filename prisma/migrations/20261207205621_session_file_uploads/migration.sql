CREATE TABLE "session_file_uploads" (
    "key" text NOT NULL,
    "session_id" text NOT NULL,
    "content_type" text NOT NULL,
    "size" integer NOT NULL,
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    CONSTRAINT "session_file_uploads_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "session_file_upload_chunks" (
    "key" text NOT NULL,
    "n" integer NOT NULL,
    "data" bytea NOT NULL,
    CONSTRAINT "session_file_upload_chunks_pkey" PRIMARY KEY ("key", "n")
);

CREATE INDEX "session_file_uploads_session_id_idx" ON "session_file_uploads"("session_id");
