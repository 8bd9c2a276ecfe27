-- The matcher now keeps each provision's on-call phone in its state, to show with every search
-- result. States recorded before then lack it, and a replay of the same version would not replace
-- them. Forgetting them (the ledger rows stay, and Redis keeps serving searches as before) makes the
-- first reconcile after the upgrade rebuild once from the compacted topic: the rebuild records every
-- provision's state again, phone included, and writes it to Redis, which takes a state of the same
-- version when it differs (MirrorScripts). Deleted provisions (version 0, no state) stay as they are.
delete from provision_state where version > 0;
