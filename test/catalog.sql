-- The catalog: labels, comments and aggregate support of every object.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(12);

CREATE TEMP VIEW ext_functions AS
SELECT p.oid, p.proname, p.prokind, p.provolatile, p.proisstrict, p.proparallel,
       pg_get_function_identity_arguments(p.oid) AS args
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'styring';

-- but the steering model's: create_model, the loaders and the model's
-- triggers write (VOLATILE, PARALLEL UNSAFE), model_check reads the catalog (STABLE),
-- account_cycle only raises (STABLE: a reader has no reason to call it);
-- and the planner's estimators of <@ and @>, which read statistics (STABLE, as scalarltsel)
SELECT set_eq($$SELECT proname || ':' || provolatile::text || proparallel::text FROM ext_functions WHERE provolatile <> 'i' OR proparallel <> 's'$$,
              ARRAY['create_model:vu', 'model_check:ss', 'model_views:vu', 'model_stored_profiles:vu', 'refresh_profiles:vu', 'profiles_rewrite:vu', 'upgrade_model:vu', 'apply_staged:vu', 'report_html:sr', 'load_jsonstat2:vu', 'load_kolada:vu', 'load_klass:vu', 'load_kostra_csv:vu',
                    'model_accounts:vu', 'kostra_key_figures:vu', 'compute_key_figures:vu', 'account_cycle:ss',
                    'model_code_changes:vu', 'load_code_changes:vu', 'load_klass_changes:vu', 'load_kostra_file:vu', 'kostra_file:ss',
                    'model_ledger:vu', 'load_ledger:vu', 'ledger_accounts:vu', 'model_budget:vu', 'model_targets:vu', 'model_analysis:vu', 'model_evaluation_goals:vu', 'model_periods:vu', 'load_budget:vu', 'load_forecast:vu', 'budget_lines:ss',
                    'model_measurement_refs:vu', 'model_measurement_cascade:vu', 'profile_cache_stats:vr',
                    'goalpath_subtree_restrict:ss', 'goalpath_subtree_join:ss'],
              'every function is IMMUTABLE and PARALLEL SAFE, but those of the steering model and the estimators');

-- Not STRICT, each for a reason: NULL defaults (make_target, subpath,
-- chain_problems), NULL meaning "not reported" (evaluation_cost, ownership_problem),
-- a status for a NULL actual (status), transition functions that
-- skip NULL rows themselves, and combine functions of internal states (which must not
-- be strict).
SELECT set_eq($$SELECT proname FROM ext_functions WHERE prokind = 'f' AND NOT proisstrict$$,
              ARRAY['make_target', 'status', 'mean_attainment_state_trans', 'mean_attainment_state_trans',
                    'status_counts_trans', 'status_counts_trans',
                    'profile_trans', 'profile_union_trans', 'profile_combine',
                    'ranking_trans', 'ranking_trans', 'ranking_combine',
                    'subpath',
                    'chain_rollup_trans', 'chain_rollup_trans', 'chain_rollup_combine', 'chain_problems',
                    'evaluation_cost', 'evaluation_cost', 'evaluation_summary_trans', 'evaluation_summary_trans',
                    'evaluation_summary_combine', 'ownership_problem',
                    -- the steering model's functions raise on a NULL model or document instead of returning NULL
                    'create_model', 'model_check', 'model_views', 'model_stored_profiles', 'refresh_profiles', 'profiles_rewrite', 'upgrade_model', 'apply_staged', 'jsonstat2_categories',
                    'report_html', 'html_text',
                    'load_jsonstat2', 'load_kolada', 'load_klass', 'load_kostra_csv',
                    'model_accounts', 'kostra_key_figures', 'compute_key_figures', 'model_code_changes', 'load_code_changes', 'load_klass_changes',
                    'kostra_file_check', 'load_kostra_file', 'kostra_file',
                    'model_ledger', 'ledger_rows', 'load_ledger', 'ledger_accounts', 'model_budget', 'model_targets', 'model_analysis', 'model_evaluation_goals', 'model_periods', 'kkik_checklist', 'budget_lines', 'load_budget', 'load_forecast',
                    -- a code list needs no region or organisation number (NULL: none given)
                    'kostra_codes',
                    -- raises on every call, so that account_tree cannot drop a cycle's row without a word
                    'account_cycle',
                    'model_measurement_refs', 'model_measurement_cascade'],
              'exactly the functions that must see NULLs are not STRICT');

SELECT is((SELECT string_agg(a.aggfnoid::regprocedure::text, ', ')
           FROM pg_aggregate a JOIN ext_functions f ON f.oid = a.aggfnoid
           WHERE a.aggcombinefn = 0
              OR (a.aggtranstype = 'internal'::regtype AND (a.aggserialfn = 0 OR a.aggdeserialfn = 0))),
          NULL, 'every aggregate has a combine function (and serial/deserial for internal state)');

SELECT is((SELECT string_agg(pg_describe_object(d.classid, d.objid, 0), ', ')
           FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'styring'
           WHERE d.deptype = 'e' AND obj_description(d.objid, d.classid::regclass::name) IS NULL
             AND d.classid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_operator'::regclass,
                               'pg_opclass'::regclass, 'pg_cast'::regclass)
             -- the array types PostgreSQL makes for each type, and a view's row type (members from
             -- 17 on; the view's comment describes it)
             AND NOT (d.classid = 'pg_type'::regclass
                      AND (EXISTS (SELECT FROM pg_type e WHERE e.typarray = d.objid)
                           OR EXISTS (SELECT FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid
                                      WHERE t.oid = d.objid AND c.relkind IN ('v', 'r', 'm'))))),
          NULL, 'every function, aggregate, type, operator, operator class and cast has a COMMENT');

-- min and max are the exception PostgreSQL itself makes for every ordered
-- type: a plain state of the type, its combine function and a sort operator.
SELECT is((SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'styring' AND p.proname IN ('avg', 'sum', 'rank', 'count')),
          0::bigint, 'no aggregate is named after a built-in (but min and max)');
SELECT is((SELECT string_agg(a.aggfnoid::regprocedure::text, ', ' ORDER BY 1)
           FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           WHERE p.pronamespace = 'styring'::regnamespace AND p.proname IN ('min', 'max')
             AND (a.aggsortop = 0 OR a.aggcombinefn = 0 OR a.aggtranstype <> p.prorettype)),
          NULL, 'min and max keep a state of their type, combine, and have a sort operator');
SELECT is((SELECT string_agg(c.castsource::regtype || ' -> ' || c.casttarget::regtype, ', ' ORDER BY 1)
           FROM pg_cast c
           WHERE c.casttarget IN (SELECT oid FROM pg_type WHERE typnamespace = 'styring'::regnamespace)
             AND c.castsource IN ('text'::regtype, 'varchar'::regtype) AND c.castcontext <> 'i'),
          NULL, 'text and varchar cast implicitly to the styring types');
SELECT is((SELECT count(*) FROM pg_cast c
           WHERE c.casttarget IN (SELECT oid FROM pg_type WHERE typnamespace = 'styring'::regnamespace)
             AND c.castsource IN ('text'::regtype, 'varchar'::regtype)),
          10::bigint, 'every base and enum type (target, profile, goalpath, eval_usage, goal_status) has both string casts');
SELECT ok(has_schema_privilege('public', 'styring', 'USAGE'), 'every role may use the schema');

SELECT is((SELECT extrelocatable FROM pg_extension WHERE extname = 'styring'), false,
          'the extension is not relocatable (it lives in schema styring)');

-- Hash partitioning needs the seeded hash (support function 2) of every hash class.
SELECT is((SELECT string_agg(opf.opfname, ', ') FROM pg_opfamily opf
           JOIN pg_depend d ON d.classid = 'pg_opfamily'::regclass AND d.objid = opf.oid AND d.deptype = 'e'
           JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'styring'
           WHERE opf.opfmethod = (SELECT oid FROM pg_am WHERE amname = 'hash')
             AND NOT EXISTS (SELECT 1 FROM pg_amproc p WHERE p.amprocfamily = opf.oid AND p.amprocnum = 2)),
          NULL, 'every hash operator class has its extended hash function');
CREATE TABLE usage_parts (u styring.eval_usage) PARTITION BY HASH (u);
CREATE TABLE usage_parts_0 PARTITION OF usage_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE usage_parts_1 PARTITION OF usage_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO usage_parts SELECT ('{' || w || '}')::styring.eval_usage FROM unnest(ARRAY['political_decision', 'action_plan', 'budget_process', 'other']) w;
SELECT is((SELECT count(*) FROM usage_parts WHERE u OPERATOR(styring.=) '{action_plan}'), 1::bigint,
          'a table hash-partitioned by eval_usage finds its rows');
SELECT * FROM finish();
ROLLBACK;
