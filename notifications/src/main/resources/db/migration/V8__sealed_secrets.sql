-- Webhook signing secrets are sealed at rest (envelope encryption under the configured key
-- ring): secret_sealed holds the ciphertext, secret_key_id the ring key it is sealed under.
-- Rows from before keep their plaintext in secret until the service seals them at start-up
-- (SecretSealingJob), which then clears it.
alter table subscriptions
    add column secret_sealed bytea,
    add column secret_key_id bigint,
    alter column secret drop not null;
