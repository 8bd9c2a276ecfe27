-- A provider's system subscribes for its own provision only.
alter table subscriptions add column provision_id text;
