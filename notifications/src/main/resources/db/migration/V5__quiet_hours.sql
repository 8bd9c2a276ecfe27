-- Hours (Europe/London) in which a contact hears only alerts that need action; the rest wait.
alter table contacts
    add column quiet_from time,
    add column quiet_to   time;
