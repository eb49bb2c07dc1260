-- Stored cleanup plans (SPEC section 5, "Preview, then apply"). A dry run records its request (targets and overrides,
-- as sent) and the items it would delete, each with its reason; an apply run names the plan it applies. plan_stored
-- says the plan's items are (or may still be) in cleanup_plan_item: set when a dry run starts, cleared when its
-- expired plan is deleted.
ALTER TABLE cleanup_run ADD COLUMN request VARCHAR(100000);
ALTER TABLE cleanup_run ADD COLUMN plan_id UUID;
ALTER TABLE cleanup_run ADD COLUMN plan_stored BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE cleanup_run DROP CONSTRAINT cleanup_run_trigger_check;
ALTER TABLE cleanup_run ADD CONSTRAINT cleanup_run_trigger_check CHECK (run_trigger IN ('schedule', 'startup', 'api', 'apply'));
CREATE INDEX cleanup_run_plan_stored_idx ON cleanup_run (plan_stored, started_at);

-- One row per item a dry run would delete: a job id, an event id, a path relative to the data root or a backup.
-- step: what the real run would do to it (soft-delete, purge or delete); applied_by: the apply run that deleted it.
-- The primary key is also the plan's page order.
CREATE TABLE cleanup_plan_item (
    run_id     UUID          NOT NULL,
    target     VARCHAR(16)   NOT NULL,
    item       VARCHAR(2000) NOT NULL,
    step       VARCHAR(16)   NOT NULL,
    reason     VARCHAR(200)  NOT NULL,
    bytes      BIGINT,
    applied_by UUID,
    CONSTRAINT cleanup_plan_item_pk PRIMARY KEY (run_id, target, item)
);
