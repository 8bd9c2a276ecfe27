-- Referrals carry no names, dates of birth or NHS numbers: only the team's pseudonymous
-- reference and what matching needs.
create table referrals (
    id                    uuid primary key,
    reference             text        not null,
    team_id               text        not null,
    region_code           text        not null,
    age                   int         not null,
    sex                   text        not null,
    needs                 text[]      not null,
    current_setting       text        not null,
    lat                   double precision not null,
    lon                   double precision not null,
    place                 text,
    bed_type              text        not null,
    latest_admission_at   timestamptz,
    max_km                double precision,
    status                text        not null,
    version               int         not null,
    out_of_region_options text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

create index referrals_by_region on referrals (region_code, created_at desc);
create index referrals_waiting on referrals (bed_type) where status in ('OPEN', 'ESCALATED');

create table holds (
    id                uuid primary key,
    referral_id       uuid        not null references referrals (id),
    provision_id      text        not null,
    bed_type          text        not null,
    provision_version bigint      not null,
    team_id           text        not null,
    status            text        not null,
    in_region         boolean     not null,
    distance_km       double precision not null,
    placed_at         timestamptz not null,
    expires_at        timestamptz not null,
    decided_at        timestamptz,
    reason_code       text
);

-- a referral holds at most one bed at a time
create unique index holds_one_live_per_referral on holds (referral_id) where status in ('ACTIVE', 'ACCEPTED');
create index holds_expiring on holds (expires_at) where status = 'ACTIVE';

-- beds a team holds right now; the guarded increment enforces the per-team cap
create table team_holds (
    team_id text primary key,
    active  int not null default 0 check (active >= 0)
);

create table placements (
    id                  uuid primary key,
    referral_id         uuid        not null references referrals (id),
    hold_id             uuid        not null references holds (id),
    provision_id        text        not null,
    bed_type            text        not null,
    in_region           boolean     not null,
    distance_km         double precision not null,
    started_at          timestamptz not null,
    ended_at            timestamptz,
    overrun_reported_at timestamptz
);

create index placements_open on placements (started_at) where ended_at is null;

-- every read and change of a referral: who, what, when, under which request
create table referral_audit (
    id          bigserial primary key,
    referral_id uuid        not null,
    action      text        not null,
    team_id     text        not null,
    request_id  text,
    at          timestamptz not null
);

create index referral_audit_by_referral on referral_audit (referral_id, at);

-- MatchAvailable is announced once per referral and provision while the fit lasts
create table match_announcements (
    referral_id  uuid        not null references referrals (id),
    provision_id text        not null,
    announced_at timestamptz not null,
    primary key (referral_id, provision_id)
);
