-- The child's home region (region_code) decides "in region" and whose team and panel act;
-- the referring team's region is kept beside it when a team refers a child of another
-- region (a Powys child in a Cardiff A&E), so that team keeps access to what it created.
alter table referrals add column referring_region_code text;

create index referrals_by_referring_region on referrals (referring_region_code, created_at desc)
    where referring_region_code is not null;

-- where a held bed is against the child's home region, and why it is out of region
alter table holds add column provision_region_code text;
alter table holds add column out_of_region_reason text;

-- A non-crisis bed out of the child's home region needs its panel's approval first.
-- A row is written once when a team first asks (so the request event goes out once per
-- referral and provision), and follows the panel's decisions from panels.case-events.v1
-- (no foreign key: a decision is recorded whatever order the two topics arrive in).
create table panel_approvals (
    referral_id  uuid        not null,
    provision_id text        not null,
    requested_at timestamptz,
    approved     boolean     not null default false,
    decision_id  uuid,
    decided_at   timestamptz,
    primary key (referral_id, provision_id)
);

create index panel_approvals_by_decision on panel_approvals (decision_id);

-- panels.case-events.v1 is applied once per event id, in the transaction that applies it
create table consumed_panel_events (
    event_id    uuid primary key,
    consumed_at timestamptz not null
);
