-- A referral closed longer than the retention period is anonymised (retention/RetentionJob):
-- its reference and location become null and its needs empty, while statuses, counts and
-- times stay for outcome figures. anonymised_at marks the rows done, so the job skips them.
alter table referrals alter column reference drop not null,
                      alter column lat drop not null,
                      alter column lon drop not null,
                      add column anonymised_at timestamptz;

create index referrals_to_anonymise on referrals (updated_at)
    where anonymised_at is null and status in ('ENDED', 'CANCELLED');
