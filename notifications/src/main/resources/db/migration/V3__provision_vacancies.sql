-- What this service knows of each provision's vacancies, folded from registry.provision-state.v1,
-- so it can remind a provider whose vacancies have gone unconfirmed past their window.
create table provisions_seen (
    provision_id text   primary key,
    version      bigint not null
);

create table provision_vacancies (
    provision_id    text        not null,
    bed_type        text        not null,
    provision_name  text        not null,
    region_code     text        not null,
    status          text        not null,
    staleness_hours int         not null,
    confirmed_at    timestamptz not null,
    -- the confirmation a reminder was sent for: one reminder per unconfirmed stretch
    reminded_for    timestamptz,
    primary key (provision_id, bed_type)
);

create index provision_vacancies_due on provision_vacancies (confirmed_at) where status = 'OPEN';
