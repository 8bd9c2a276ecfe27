-- The claim an attempt runs under. Every update after the attempt names it, so an attempt
-- that outlived its lease (and whose delivery another instance has claimed since) changes
-- nothing: it cannot mark the other instance's claim delivered or reschedule it.
alter table deliveries add column claim_token uuid;
