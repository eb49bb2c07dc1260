-- The identity of this database, one row written by the first instance that starts on it (DataRootOwner). A data
-- root records the id of the database it belongs to, so that a second database pointed at the same directory
-- (mvn -Prun, then mvn -Prun-postgres, both on ./data) is refused instead of sweeping the first one's files as
-- orphans.
CREATE TABLE installation (
    singleton  INTEGER     NOT NULL PRIMARY KEY CHECK (singleton = 1),
    id         VARCHAR(36) NOT NULL,
    created_at TIMESTAMP   NOT NULL
);
