CREATE TABLE "oauth_states" (
    "nonce" text NOT NULL,
    "user_id" text NOT NULL,
    "provider" text NOT NULL,
    "created_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    "expires_at" timestamp(3) with time zone NOT NULL,
    "consumed_at" timestamp(3) with time zone,
    "pkce_verifier_enc" text,
    "session_id" text,
    "return_to" text,
    "result" text,
    "error" text,
    "error_description" text,
    "received_at" timestamp(3) with time zone,
    "credential_id" text,
    CONSTRAINT "oauth_states_pkey" PRIMARY KEY ("nonce")
);

CREATE INDEX "oauth_states_created_at_idx" ON "oauth_states"("created_at");
