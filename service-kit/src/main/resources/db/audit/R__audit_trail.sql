-- Who did what, when, from which request: every write and every read of a child's
-- referral, whatever its outcome. Repeatable and idempotent, so it joins any service's
-- migration history whenever it arrives.
create table if not exists audit_event (
    id          bigserial   primary key,
    at          timestamptz not null,
    subject     text        not null,
    roles       text        not null,
    tenant      text,
    method      text        not null,
    path        text        not null,
    query       text,
    status      integer     not null,
    request_id  text
);

create index if not exists audit_event_by_time on audit_event (at desc);
create index if not exists audit_event_by_subject on audit_event (subject, at desc);
