-- A saved run is a value (scenario id + overrides + seed + step): enough to rebuild exactly what a learner saw.
-- Short share links point at one; progress (milestone 2) will reference runs the same way.
CREATE TABLE saved_run (
    id          VARCHAR(16)   NOT NULL PRIMARY KEY,
    scenario    VARCHAR(200)  NOT NULL,
    overrides   VARCHAR(8000) NOT NULL,
    seed        BIGINT        NOT NULL,
    step        INTEGER       NOT NULL,
    created_at  TIMESTAMP     NOT NULL
);
