-- Events waiting to leave for Kafka, written in the same transaction as the change they report.
-- Versioned below every service migration (V1 and up) so it always runs first.
create table outbox (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    subject      text        not null,
    occurred_at  timestamptz not null,
    payload      text,
    request_id   text,
    published_at timestamptz
);

create index outbox_waiting on outbox (id) where published_at is null;
