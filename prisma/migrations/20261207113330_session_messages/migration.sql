CREATE TABLE "session_messages" (
    "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    "id" text NOT NULL,
    "session_id" text NOT NULL,
    "event_type" text NOT NULL,
    "payload" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    CONSTRAINT "session_messages_pkey" PRIMARY KEY ("seq")
);

CREATE UNIQUE INDEX "session_messages_id_key" ON "session_messages"("id");

CREATE INDEX "session_messages_session_id_seq_idx" ON "session_messages"("session_id", "seq");

ALTER TABLE "session_messages" ADD CONSTRAINT "session_messages_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
