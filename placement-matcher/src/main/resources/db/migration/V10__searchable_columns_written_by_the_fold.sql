-- The searchable columns of provision_state (V9) were generated from the state's JSON, which
-- PostgreSQL cast and walked again for each of the fourteen columns, through SQL functions, on
-- every recorded state: 1 to 4 ms of its CPU per state, most of its work while vacancies change
-- fast. They become plain columns, keeping their values, and the fold writes them from the state
-- it has already read (BedLedgerRepository.recordStates), in the same statement as the state.
alter table provision_state
    alter column region_code drop expression,
    alter column status drop expression,
    alter column lat drop expression,
    alter column lon drop expression,
    alter column age_min drop expression,
    alter column age_max drop expression,
    alter column accepts drop expression,
    alter column needs_met drop expression,
    alter column exclusions drop expression,
    alter column bed_types drop expression,
    alter column admits_always drop expression,
    alter column admission_from drop expression,
    alter column admission_to drop expression,
    alter column staleness_window_hours drop expression;

drop function provision_state_texts(jsonb);
drop function provision_state_window_bounds(jsonb, text);
