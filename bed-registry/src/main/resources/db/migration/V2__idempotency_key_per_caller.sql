-- An Idempotency-Key belongs to the caller who sent it: another caller sending the same key and request runs,
-- and is checked, as their own request instead of being handed the first caller's answer.
alter table idempotency_key add column caller text not null default '';
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (caller, idempotency_key);
