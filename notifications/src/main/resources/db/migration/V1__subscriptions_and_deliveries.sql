-- Who asked to hear about which events, and where to tell them.
create table subscriptions (
    id          uuid        primary key,
    region_code text,                       -- null: every region
    event_types text[]      not null,       -- empty: every type
    channel     text        not null,
    url         text        not null,
    -- the HMAC key receivers verify signatures with; shown once, at creation
    secret      text        not null,
    created_at  timestamptz not null
);

-- Every event consumed, once: a redelivered Kafka record finds its id here and is skipped.
create table consumed_events (
    event_id    uuid        primary key,
    topic       text        not null,
    event_type  text        not null,
    consumed_at timestamptz not null default now()
);

-- One row per (event, recipient, channel): the unique key is what makes delivery
-- at-least-once without sending twice.
create table deliveries (
    id              uuid        primary key,
    event_id        uuid        not null,
    event_type      text        not null,
    referral_id     text,
    reference       text,
    region_code     text,
    recipient       text        not null,
    channel         text        not null,
    subscription_id uuid,
    target          text        not null,
    payload         text        not null,
    status          text        not null,
    attempts        int         not null default 0,
    -- when the scheduler may next try; while an attempt runs it is pushed out by the lease
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (event_id, recipient, channel)
);

create index deliveries_due on deliveries (next_attempt_at) where status = 'PENDING';
create index deliveries_by_referral on deliveries (referral_id, created_at);

create table delivery_attempts (
    id          bigserial   primary key,
    delivery_id uuid        not null references deliveries (id) on delete cascade,
    number      int         not null,
    started_at  timestamptz not null,
    duration_ms int         not null,
    outcome     text        not null,
    http_status int,
    error       text,
    unique (delivery_id, number)
);
