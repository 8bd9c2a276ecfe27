-- Which provider keeps each provision, as registry.provision-state.v1 says: only that
-- provider may answer a hold on the provision's beds, end a placement in it, or list the
-- holds on it. Rows folded before this column existed get it from the next event of their
-- provision, or when the compacted topic is replayed by a read-model rebuild.
alter table bed_ledger add column provider_id text;

create index bed_ledger_by_provider on bed_ledger (provider_id);
create index holds_by_provision on holds (provision_id, placed_at desc);
