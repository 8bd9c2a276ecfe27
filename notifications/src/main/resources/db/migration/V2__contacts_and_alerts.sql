-- People to tell, per region and role: a crisis team's on-call rota, a provision's duty
-- contacts, a region's panel, and the team lead an unanswered alert ends with.
create table contacts (
    id            uuid        primary key,
    name          text        not null,
    role          text        not null,
    region_code   text        not null,
    provision_id  text,
    rota_position int         not null,
    -- [{"channel": "SMS", "address": "+447700900123"}, {"channel": "EMAIL", ...}], most preferred first
    channels      jsonb       not null,
    created_at    timestamptz not null
);

create index contacts_by_audience on contacts (role, region_code, rota_position);

-- One alert per event that people (rather than systems) must hear about; those that need
-- action wait for an acknowledgement and climb the rota until they get one.
create table alerts (
    id                 uuid        primary key,
    event_id           uuid        not null unique,
    event_type         text        not null,
    referral_id        text,
    reference          text,
    region_code        text        not null,
    provision_id       text,
    audience           text        not null,
    needs_ack          boolean     not null,
    -- how far up the rota it has gone: 0 = the first contact
    level              int         not null default 0,
    next_escalation_at timestamptz,
    acknowledged_at    timestamptz,
    acknowledged_by    text,
    payload            text        not null,
    created_at         timestamptz not null
);

create index alerts_due on alerts (next_escalation_at) where acknowledged_at is null;

alter table deliveries
    add column contact_id    uuid,
    add column alert_id      uuid,
    -- which of the contact's channels this is; the next one is tried when it dies
    add column channel_index int,
    add column max_attempts  int;
