-- Settings of the whole site, not of one node (io.paperboy.settings): the arXiv sets the nightly
-- harvest takes, its hour, the auto-feature rules and the name they feature as. Before this table
-- each node had its own --harvest-set and --feature options, and the nightly run used the options
-- of whichever node won the day's claim (a node set to math lost it, and math was never harvested).
-- One row per setting, by name: 'harvest_sets' (set specs, one a line), 'harvest_hour' (0-23, UTC),
-- 'feature_rules' (one rule a line), 'feature_as'. A missing row is a setting never made: the
-- default, or a node's option seeds it on that node's first start. updated_by says who made it
-- ('admin NAME' from the operator page, 'options of node NODE' when seeded).
CREATE TABLE site_settings (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
