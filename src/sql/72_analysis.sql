------------------------------------------------------------------------------
-- What the steering year says about its results: the question a figure
-- raises and the answer found (Hole's målstyringsark sets each key figure
-- beside an "undring" and its answer), the actions decided, with owner,
-- deadline and status, the checklists of Kommunens kvalitet i korthet
-- (1 information, 2 analysis, 3 dialogue, 4 steering) answered per unit and
-- year, whom a goal addresses (all services or one), and a scorecard that
-- shows the goals by balanced-scorecard perspective with their attainment,
-- status, latest analysis and open actions (the view scorecard, made with
-- the other views of a model in 72_views.sql).
------------------------------------------------------------------------------

-- The questions of the four checklists of Kommunens kvalitet i korthet, as
-- Kvalitetsnätverk Bergslagen's Resultatstyrning 2009 prints them (Bilaga 2;
-- 3.3 is missing from the printed list).
CREATE OR REPLACE FUNCTION @extschema@.kkik_checklist()
    RETURNS TABLE (checklist integer, checklist_name text, question text, text text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 25
BEGIN ATOMIC
    SELECT * FROM (VALUES
    (1, 'Information', '1.1', 'Vem ansvarar för att kommunicera ut resultatet från utvärderingar till medborgarna?'),
    (1, 'Information', '1.2', 'Hur skall resultatet presenteras för medborgarna?'),
    (1, 'Information', '1.3', 'Hur skall resultatet presenteras för förtroendevalda i fullmäktige och kommunens personal?'),
    (1, 'Information', '1.4', 'När skall resultatet redovisas?'),
    (1, 'Information', '1.5', 'Hur säkerställer man att man skapat en förståelse bland medborgarna kring vad kommunen presterar för resultat för skattepengarna? Hur mäter man detta?'),
    (2, 'Analys', '2.1', 'Vem ansvarar för analysen av resultatet?'),
    (2, 'Analys', '2.2', 'Vem kommenterar resultatet?'),
    (2, 'Analys', '2.3', 'Vem skall värdera resultatet?'),
    (2, 'Analys', '2.4', 'På vilket sätt skall värderingen ske?'),
    (2, 'Analys', '2.5', 'Vem tar fram förslag på förbättringar/åtgärder?'),
    (2, 'Analys', '2.6', 'Hur skall analysen sammanfattas och presenteras?'),
    (3, 'Dialog', '3.1', 'Vem ansvarar för dialog kring resultatet med medborgarna?'),
    (3, 'Dialog', '3.2', 'Hur skall dialogen med medborgarna ske?'),
    (3, 'Dialog', '3.4', 'Vem skall delta på mötena?'),
    (3, 'Dialog', '3.5', 'Hur skall resultatet från dialogen återredovisas?'),
    (3, 'Dialog', '3.6', 'Hur vet man att man lyckats med medborgardialogen? Hur mäter vi detta?'),
    (4, 'Styrning', '4.1', 'Varför skall resultaten ingå i kommunens styrsystem?'),
    (4, 'Styrning', '4.2', 'När och hur skall kommunens resultat implementeras i styrprocessen?'),
    (4, 'Styrning', '4.3', 'När skall mål fastställas utifrån resultaten?'),
    (4, 'Styrning', '4.4', 'Vem tar initiativ till att lämna förslag på mål?'),
    (4, 'Styrning', '4.5', 'I vilka styrdokument skall målen ingå?'),
    (4, 'Styrning', '4.6', 'När skall resultatet diskuteras?'),
    (4, 'Styrning', '4.7', 'I vilka uppföljningsdokument skall resultaten ingå?'),
    (4, 'Styrning', '4.8', 'Var sker analys och förslag till åtgärder i förhållande till mål och resultat?')) q(checklist, checklist_name, question, text);
END;
COMMENT ON FUNCTION @extschema@.kkik_checklist() IS
    'the questions of the four checklists of Kommunens kvalitet i korthet (1 information, 2 analysis, 3 dialogue, 4 steering), numbered and worded as Kvalitetsnätverk Bergslagen''s Resultatstyrning 2009 prints them';

CREATE OR REPLACE FUNCTION @extschema@.model_analysis(model text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    -- no NOTICE for a table an upgraded model already has
    SET client_min_messages = warning
AS $fn$
DECLARE
    stmt text;
BEGIN
    PERFORM @extschema@.model_check(model);
    FOREACH stmt IN ARRAY ARRAY[
$ddl$CREATE TABLE IF NOT EXISTS %1$I.goal_analysis (
    goal @extschema@.goalpath NOT NULL REFERENCES %1$I.goal (path) ON UPDATE CASCADE ON DELETE CASCADE,
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    question text NOT NULL CHECK (question <> ''),
    answer text,
    author text,
    written date,
    PRIMARY KEY (goal, unit, year, question))$ddl$,
$ddl$COMMENT ON TABLE %1$I.goal_analysis IS 'the analysis of a goal''s results for a unit and year: the question a figure raises (undring) and the answer found (NULL while open)'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.action (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    goal @extschema@.goalpath NOT NULL REFERENCES %1$I.goal (path) ON UPDATE CASCADE ON DELETE CASCADE,
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    title text NOT NULL CHECK (title <> ''),
    owner text,
    deadline date,
    status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'done', 'cancelled')),
    notes text)$ddl$,
$ddl$CREATE INDEX IF NOT EXISTS action_goal_idx ON %1$I.action (goal, unit, year)$ddl$,
$ddl$COMMENT ON TABLE %1$I.action IS 'the actions decided for a goal, unit and year: what, who owns it, by when, and where it stands (planned, ongoing, done, cancelled)'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.checklist_answer (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    question text NOT NULL CHECK (question ~ '^[1-4]\.[1-9]$'),
    answer text NOT NULL,
    PRIMARY KEY (unit, year, question))$ddl$,
$ddl$COMMENT ON TABLE %1$I.checklist_answer IS 'a unit''s answers to the checklists of Kommunens kvalitet i korthet for a year, by question number (styring.kkik_checklist: 1.1 ... 4.8)'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.goal_scope (
    goal @extschema@.goalpath PRIMARY KEY REFERENCES %1$I.goal (path) ON UPDATE CASCADE ON DELETE CASCADE,
    scope text NOT NULL CHECK (scope IN ('all_services', 'one_service')),
    services text)$ddl$,
$ddl$COMMENT ON TABLE %1$I.goal_scope IS 'whom a goal addresses: all or most services, or one (which), the first two criteria of Kommunens kvalitet i korthet''s exercise 1'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.checklist_status AS
SELECT u.code AS unit, u.name AS unit_name, y.year, q.checklist, q.checklist_name, q.question, q.text, a.answer,
       a.answer IS NOT NULL AS answered
FROM (SELECT DISTINCT unit, year FROM %1$I.checklist_answer) y
JOIN %1$I.unit u ON u.code = y.unit
CROSS JOIN @extschema@.kkik_checklist() q
LEFT JOIN %1$I.checklist_answer a ON a.unit = y.unit AND a.year = y.year AND a.question = q.question$ddl$,
$ddl$COMMENT ON VIEW %1$I.checklist_status IS 'every question of the four checklists for each unit and year that has begun answering them, with its answer or none'$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_analysis(text) IS
    'gives a model the tables goal_analysis, action, checklist_answer and goal_scope and the view checklist_status (the views scorecard and goal_clarity, which read them, are model_views''; create_model and upgrade_model call it; data and users'' views stay)';
