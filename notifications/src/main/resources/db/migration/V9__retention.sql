-- Deliveries and alerts about a referral are anonymised after the retention period: where
-- they went, the referral's reference and every free text are cleared; counts, statuses
-- and times stay, so the figures survive. anonymised_at says it is done.

-- building the indexes may take longer than the pool's statement timeout on a large table;
-- the setting lasts only for this migration's transaction
set local statement_timeout = 0;
alter table deliveries add column anonymised_at timestamptz;
alter table alerts add column anonymised_at timestamptz;

create index deliveries_to_anonymise on deliveries (created_at)
    where anonymised_at is null and referral_id is not null;
create index alerts_to_anonymise on alerts (created_at)
    where anonymised_at is null and referral_id is not null;
