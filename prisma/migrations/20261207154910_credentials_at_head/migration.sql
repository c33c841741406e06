CREATE TABLE "credential_token_reads" (
    "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    "credential_id" text NOT NULL,
    "actor_type" text NOT NULL,
    "actor" text NOT NULL,
    "user_id" text,
    "project_id" text,
    "operation_id" text,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    CONSTRAINT "credential_token_reads_pkey" PRIMARY KEY ("seq")
);

ALTER TABLE "credentials" ADD COLUMN "labels" jsonb;

ALTER TABLE "credentials" ADD COLUMN "annotations" jsonb;

CREATE INDEX "credential_token_reads_credential_id_created_at_idx" ON "credential_token_reads"("credential_id", "created_at");
