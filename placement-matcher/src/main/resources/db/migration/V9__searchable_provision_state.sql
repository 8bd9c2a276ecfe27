-- What a search in SQL (engine `sql`, SqlSearchEngine) tests, as columns of provision_state that
-- PostgreSQL derives from the recorded state itself. Being generated, they are written by the
-- same statement as the state, in the fold's transaction, by every matcher whatever engine it
-- answers with, and by a rebuild; a deleted provision (no state) has them all null, so no search
-- finds it. Adding them computes them for the states already recorded.

-- The elements of a JSON array of strings; anything else is no elements.
create function provision_state_texts(items jsonb) returns text[]
    language sql immutable parallel safe
as $$
    select coalesce(array_agg(item order by position), '{}')
      from jsonb_array_elements_text(case when jsonb_typeof(items) = 'array' then items else '[]' end)
           with ordinality as element(item, position)
$$;

-- One bound ('from' or 'to') of each admission window, in the windows' order, so that the n-th
-- elements of the two arrays are one window. Declared immutable though reading a time is only
-- stable (it knows 'now'): the registry's windows are times of day, never 'now'.
create function provision_state_window_bounds(windows jsonb, bound text) returns time[]
    language sql immutable parallel safe
as $$
    select coalesce(array_agg((w ->> bound)::time order by position), '{}')
      from jsonb_array_elements(case when jsonb_typeof(windows) = 'array' then windows else '[]' end)
           with ordinality as element(w, position)
$$;

-- The defaults are ProvisionState's, for a state recorded without the field.
alter table provision_state
    add column region_code            text generated always as (state::jsonb ->> 'regionCode') stored,
    add column status                 text generated always as (state::jsonb ->> 'status') stored,
    add column lat                    double precision
        generated always as ((state::jsonb -> 'location' ->> 'lat')::double precision) stored,
    add column lon                    double precision
        generated always as ((state::jsonb -> 'location' ->> 'lon')::double precision) stored,
    add column age_min                int
        generated always as (coalesce((state::jsonb -> 'ageRange' ->> 'min')::int, 0)) stored,
    add column age_max                int
        generated always as (coalesce((state::jsonb -> 'ageRange' ->> 'max')::int, 99)) stored,
    add column accepts                text
        generated always as (coalesce(state::jsonb ->> 'accepts', 'ANY')) stored,
    add column needs_met              text[]
        generated always as (provision_state_texts(state::jsonb -> 'needsMet')) stored,
    add column exclusions             text[]
        generated always as (provision_state_texts(state::jsonb -> 'exclusions')) stored,
    -- the bed types the state has a vacancy of, whatever their figures (those are bed_ledger's)
    add column bed_types              text[]
        generated always as (provision_state_texts(jsonb_path_query_array(state::jsonb, '$.vacancies[*].bedType'))) stored,
    add column admits_always          boolean
        generated always as (coalesce((state::jsonb -> 'admissions' ->> 'always')::boolean, true)) stored,
    -- window n opens at admission_from[n] and closes at admission_to[n], Europe/London time; it
    -- crosses midnight when it closes before it opens, and is open all day when both are equal
    add column admission_from         time[]
        generated always as (provision_state_window_bounds(state::jsonb -> 'admissions' -> 'windows', 'from')) stored,
    add column admission_to           time[]
        generated always as (provision_state_window_bounds(state::jsonb -> 'admissions' -> 'windows', 'to')) stored,
    add column staleness_window_hours int
        generated always as ((state::jsonb ->> 'stalenessWindowHours')::int) stored;

-- A search's bounding box: a range of latitudes, and within it of longitudes.
create index provision_state_lat_lon on provision_state (lat, lon);
