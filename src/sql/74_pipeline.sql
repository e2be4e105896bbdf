------------------------------------------------------------------------------
-- One loader pipeline: each loader parses its document into one staging
-- form, styring.staged_rows (parallel arrays per table, in document order),
-- and styring.apply_staged writes it. The apply step is the only writer:
--  - one rule for what a document may add: a unit, indicator or group it
--    names is added if missing; a name that is still just the code is
--    replaced by a real one (a Klass code list, which is authoritative,
--    replaces names, kinds and notes);
--  - where a document names a key twice, the later entry wins;
--  - tables in one fixed order (units, indicators, groups, members,
--    populations, measurements, accounts, hierarchies) and each table's rows in
--    key order, and every row a document names is locked when it is written
--    (ON CONFLICT DO UPDATE locks even when it changes nothing). Two loads
--    that share rows therefore take their locks in the same order: one waits
--    for the other, neither deadlocks, and INSERT ... ON CONFLICT never fails
--    on a key the other inserted. (Rows the model holds nothing of yet, a
--    first load, are written unsorted: see apply_staged);
--  - one count of what changed: rows added or changed, all tables together.
-- No temporary table is used, so a loader needs no TEMP privilege and runs no
-- code that someone left in pg_temp.
------------------------------------------------------------------------------
CREATE TYPE @extschema@.staged_rows AS (
    unit_code text[], unit_name text[], unit_kind text[], unit_notes text[], unit_parent text[],
    units_authoritative boolean,
    indicator_code text[], indicator_name text[], indicator_measure text[], indicator_source text[],
    group_code text[], group_name text[], group_kind text[],
    member_group text[], member_unit text[], member_year integer[],
    population_unit text[], population_year integer[], population_value bigint[],
    m_unit text[], m_indicator text[], m_year integer[], m_gender text[], m_value double precision[], m_status text[],
    account_unit text[], account_year integer[], account_class text[], account_function text[], account_type text[],
    account_amount numeric[],
    hierarchy_year integer[], hierarchy_dimension text[], hierarchy_parent text[], hierarchy_child text[],
    hierarchy_sign smallint[]);
COMMENT ON TYPE @extschema@.staged_rows IS
    'what a loader read from a document, as parallel arrays per table in document order (a later entry with the same key wins), for styring.apply_staged';
