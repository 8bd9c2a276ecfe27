-- Provisions, their vacancies per bed type, and the audit trail of every vacancy and status change.
create table provision (
    id                     text             primary key,
    version                bigint           not null,
    provider_id            text             not null,
    name                   text             not null,
    kind                   text             not null,
    region_code            text             not null,
    local_authority        text             not null,
    lat                    double precision not null,
    lon                    double precision not null,
    postcode               text,
    age_min                int              not null,
    age_max                int              not null,
    accepts                text             not null,
    needs_met              text[]           not null,
    exclusions             text[]           not null,
    admissions_always      boolean          not null,
    -- local (Europe/London) times as 'HH:MM-HH:MM'; a window may cross midnight
    admission_windows      text[]           not null,
    regulator_reference    text,
    on_call_phone          text,
    status                 text             not null,
    status_reason          text,
    staleness_window_hours int              not null,
    created_at             timestamptz      not null,
    updated_at             timestamptz      not null
);

create index provision_by_region on provision (region_code, kind);
create index provision_by_provider on provision (provider_id);
create index provision_by_need on provision using gin (needs_met);

create table vacancy (
    provision_id text        not null references provision (id),
    bed_type     text        not null,
    total        int         not null check (total >= 0),
    -- the rule the domain enforces, kept here too so no code path can break it
    available    int         not null check (available >= 0 and available <= total),
    confirmed_at timestamptz not null,
    updated_at   timestamptz not null,
    primary key (provision_id, bed_type)
);

create table provision_history (
    id           bigserial   primary key,
    provision_id text        not null references provision (id),
    version      bigint      not null,
    changed_at   timestamptz not null,
    actor        text        not null,
    change       text        not null,
    bed_type     text,
    before       jsonb,
    after        jsonb,
    reason       text
);

create index provision_history_by_provision on provision_history (provision_id, id);

-- A retried write (same Idempotency-Key) gets the first answer back instead of changing anything again.
create table idempotency_key (
    idempotency_key text        primary key,
    request_hash    text        not null,
    status          int,
    etag            text,
    location        text,
    body            text,
    created_at      timestamptz not null
);

create index idempotency_key_by_age on idempotency_key (created_at);

-- Events consumed from other services, recorded in the transaction that applies them: each applies once.
create table inbox (
    event_id    uuid        primary key,
    event_type  text        not null,
    received_at timestamptz not null
);
