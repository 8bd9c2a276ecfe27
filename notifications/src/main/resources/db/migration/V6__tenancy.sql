-- Whose is what, as the events said: the provider behind each provision
-- (registry.provision-state.v1) and the region of each referral (matching.referral-events.v1).
-- Access is decided against these, never against an id in a request alone.
create table provision_owners (
    provision_id text primary key,
    provider_id  text not null
);

create table referral_regions (
    referral_id text primary key,
    region_code text not null
);

-- referrals heard of before this table existed: their region is on their deliveries and alerts
insert into referral_regions (referral_id, region_code)
select distinct on (referral_id) referral_id, region_code
from (select referral_id, region_code, created_at from deliveries
      where referral_id is not null and region_code is not null
      union all
      select referral_id, region_code, created_at from alerts
      where referral_id is not null) seen
order by referral_id, created_at
on conflict do nothing;

-- A subscription a provider's system makes hears only about that provider's provisions;
-- null for those made by admins or a region's team or panel (the region is region_code).
alter table subscriptions add column provider_id text;

create index subscriptions_by_provider on subscriptions (provider_id);
