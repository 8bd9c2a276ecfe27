-- Each provision's latest state as folded from registry.provision-state.v1 (the matcher's own
-- copy of the fields it reads, as JSON), kept in the same transaction as its bed_ledger rows.
-- With those rows it is everything the Redis read model mirrors, so the periodic reconcile
-- can write again, whole, a provision whose Redis copy is missing or older than this.
create table provision_state (
    provision_id text        primary key,
    -- 0 with no state once the provision is deleted, as its ledger rows
    version      bigint      not null,
    state        text,
    recorded_at  timestamptz not null default now(),
    check ((version = 0) = (state is null))
);
