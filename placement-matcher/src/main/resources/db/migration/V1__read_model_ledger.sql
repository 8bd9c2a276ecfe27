-- The record of how many beds of each provision and bed type are spoken for. The registry's
-- state (available, version) is folded in from registry.provision-state.v1; holds and
-- placements change held/placed with guarded conditional updates, so the invariant
-- held + placed <= available holds for any number of matcher instances.
create table bed_ledger (
    provision_id       text        not null,
    bed_type           text        not null,
    available          int         not null,
    held               int         not null default 0,
    placed             int         not null default 0,
    provision_version  bigint      not null,
    vacancy_updated_at timestamptz,
    -- rises with every change of the row, so the Redis mirror can ignore stale writes
    revision           bigint      not null default 1,
    primary key (provision_id, bed_type),
    check (held >= 0 and placed >= 0)
);
