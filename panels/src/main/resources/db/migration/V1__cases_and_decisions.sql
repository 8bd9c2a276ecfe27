-- Ids of every event consumed, so a redelivered record (Kafka is at-least-once) changes nothing.
create table consumed_events (
    event_id    uuid        primary key,
    topic       text        not null,
    event_type  text        not null,
    consumed_at timestamptz not null default now()
);

-- Every event of every referral, whether or not a case is open for it yet: a case opened later
-- shows the whole history, and the outcome figures are a fold of these rows (a replay gives the
-- same figures). Codes, times and distances only: the team's reference stays on the case.
create table referral_events (
    event_id              uuid        primary key,
    referral_id           uuid        not null,
    referral_version      bigint      not null,
    type                  text        not null,
    occurred_at           timestamptz not null,
    region_code           text        not null,
    referring_region_code text,
    bed_type              text,
    provision_id          text,
    reason_code           text,
    current_setting       text,
    provision_region_code text,
    in_region             boolean,
    distance_km           numeric(8, 2),
    out_of_region_reason  text
);

create index referral_events_by_referral on referral_events (referral_id, occurred_at, referral_version);
create index referral_events_created on referral_events (region_code, occurred_at) where type = 'ReferralCreated';

-- One case per referral, opened by the first event that needs the panel.
create table panel_cases (
    id                    uuid        primary key,
    referral_id           uuid        not null unique,
    region_code           text        not null,
    referring_region_code text,
    reference             text,
    opened_because        text        not null,
    opened_at             timestamptz not null,
    escalated_at          timestamptz,
    status                text        not null check (status in ('OPEN', 'CLOSED')),
    funding_since         timestamptz,
    funding_agreed_on     date,
    closed_at             timestamptz,
    version               bigint      not null
);

create index panel_cases_by_region on panel_cases (region_code, status);
create index panel_cases_by_referring_region on panel_cases (referring_region_code, status);

-- The panel's decisions: appended, never changed. A correction is a new row that supersedes an
-- earlier one of the same case; the trigger below refuses any update or delete, whoever asks.
create table decisions (
    id                    uuid        primary key,
    case_id               uuid        not null references panel_cases (id),
    type                  text        not null,
    reason_code           text        not null,
    decided_by            text        not null,
    decided_at            timestamptz not null,
    provision_id          text,
    la_share_percent      integer,
    hb_share_percent      integer,
    agreed_on             date,
    agreement_reference   text,
    information_from      text,
    information_by        date,
    supersedes            uuid        references decisions (id),
    check (la_share_percent is null or la_share_percent + hb_share_percent = 100)
);

create index decisions_by_case on decisions (case_id, decided_at);

create function decisions_are_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'decisions are append-only: record a new decision that supersedes this one';
end
$$;

create trigger decisions_append_only before update or delete on decisions
    for each row execute function decisions_are_append_only();

-- The panel's own small copy of the registry's provisions: enough to refuse an approval for a
-- provision that does not exist or is closed.
create table provisions (
    provision_id text    primary key,
    version      bigint  not null,
    name         text    not null,
    region_code  text    not null,
    status       text    not null,
    bed_types    text[]  not null
);

-- The days on which a case's overdue funding was announced: at most one per case per calendar
-- day (Europe/London), whichever instance's clock gets there first.
create table funding_alerts (
    case_id      uuid        not null references panel_cases (id),
    alerted_on   date        not null,
    days_waiting integer     not null,
    primary key (case_id, alerted_on)
);
