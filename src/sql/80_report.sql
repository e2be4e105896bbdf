------------------------------------------------------------------------------
-- The steering report of one unit for one year, as one self-contained HTML
-- page (no script, no font or image from elsewhere), in Norwegian: the unit's
-- goals with their traffic lights, its goal chain rolled up, where it stands
-- in each comparison group it belongs to (with a rank chart per key figure
-- that has a direction), its evaluations, and how clear the model's goals
-- are. Every figure is read from the model's views; goal names come from the
-- model. A section without data says so.
------------------------------------------------------------------------------

-- text for HTML: escaped, and a dash for NULL
CREATE OR REPLACE FUNCTION @extschema@.html_text(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN replace(replace(replace(replace(coalesce(t, '–'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;');
COMMENT ON FUNCTION @extschema@.html_text(text) IS
    'a text escaped for HTML (& < > "), a dash for NULL (used by styring.report_html)';

-- the words of a goal status on the page
CREATE OR REPLACE FUNCTION @extschema@.status_word_no(status text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE status WHEN 'achieved' THEN 'nådd' WHEN 'on_track' THEN 'i rute' WHEN 'at_risk' THEN 'i fare'
                       WHEN 'off_track' THEN 'ikke i rute' WHEN 'no_data' THEN 'mangler data' ELSE status END;
COMMENT ON FUNCTION @extschema@.status_word_no(text) IS
    'a goal status (achieved, on_track, at_risk, off_track, no_data) in Norwegian, as the report prints it';

CREATE OR REPLACE FUNCTION @extschema@.report_html(model text, unit text, year integer, ranked_as text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    h constant text := '@extschema@.html_text';
    pct constant text := $p$CASE WHEN %1$s IS NULL THEN '–' ELSE round((100 * %1$s)::numeric, 1) || ' %%' END$p$;
    r text := coalesce(ranked_as, unit);
    unit_name text;
    rank_year integer;
    goals text; chain text; ranks text; charts text; evals text; clarity text;
    card text; living text; money text; proposals text; periods text; lists text; tied text;
    -- the steering year's views, which a model made by an earlier version has after upgrade_model
    has_year constant boolean := to_regclass(format('%I.scorecard', model)) IS NOT NULL
                                 AND to_regclass(format('%I.target_attainment', model)) IS NOT NULL
                                 AND to_regclass(format('%I.budget_variance', model)) IS NOT NULL
                                 AND to_regclass(format('%I.period_series', model)) IS NOT NULL
                                 AND to_regclass(format('%I.evaluation_goals', model)) IS NOT NULL;
    none constant text := '<p class="none">Ingen data.</p>';
BEGIN
    IF model IS NULL OR unit IS NULL OR year IS NULL THEN
        RAISE EXCEPTION 'report_html needs a model, a unit and a year' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass(format('%I.goal_attainment', model)) IS NULL THEN
        RAISE EXCEPTION 'no steering model in schema "%"', @extschema@.doc_excerpt(model)
            USING ERRCODE = 'undefined_table', HINT = format('Make one with SELECT styring.create_model(%L).', model);
    END IF;
    EXECUTE format('SELECT name FROM %I.unit WHERE code = $1', model) INTO unit_name USING unit;
    IF unit_name IS NULL THEN
        RAISE EXCEPTION 'the model "%" has no unit "%"', model, @extschema@.doc_excerpt(unit)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    EXECUTE format($q$SELECT string_agg(format('<tr><td>%%s</td><td>%%s</td><td>%%s</td><td class="n">%%s</td><td class="n">%%s</td><td class="n">%%s</td><td class="s"><span class="light %%s"></span>%%s</td></tr>',
                          %2$s(goal_name), %2$s(indicator_name), %2$s(target), %2$s(actual::text), %3$s, %4$s, traffic_light, %2$s(@extschema@.status_word_no(status))),
                   E'\n' ORDER BY goal, indicator)
                      FROM %1$I.goal_attainment WHERE unit = $1 AND year = $2$q$,
                   model, h, format(pct, 'attainment'), format(pct, 'expected_progress'))
        INTO goals USING unit, year;
    EXECUTE format($q$SELECT string_agg(format('<li style="margin-left:%%sem">%%s <b>%%s</b><span class="bar" style="width:%%spx"></span> <small>%%s mål med data</small></li>',
                          1.4 * (depth - 1), %2$s(coalesce(goal_name, path)), %3$s, round(200 * coalesce(chain_attainment, 0)), measured),
                   E'\n' ORDER BY path)
                      FROM %1$I.goal_rollup WHERE unit = $1 AND year = $2$q$,
                   model, h, format(pct, 'chain_attainment'))
        INTO chain USING unit, year;

    -- comparison figures: the latest year up to the report's in which the unit was ranked
    EXECUTE format('SELECT max(year) FROM %I.ranking WHERE unit = $1 AND year <= $2', model) INTO rank_year USING r, year;
    IF rank_year IS NOT NULL THEN
        EXECUTE format($q$SELECT string_agg(format('<tr><td>%%s</td><td>%%s</td><td class="n">%%s</td><td class="s"><span class="band %%s"></span>%%s</td><td class="n">%%s</td><td class="n">%%s</td></tr>',
                              %2$s(group_name), %2$s(i.name), round(value::numeric, 2), CASE quartile_band WHEN 'top' THEN 'green' WHEN 'bottom' THEN 'red' ELSE 'yellow' END,
                              %2$s(place), round(group_median::numeric, 2), CASE WHEN x.higher_is_better THEN 'høyere' ELSE 'lavere' END),
                       E'\n' ORDER BY group_kind, group_code, x.indicator)
                          FROM %1$I.ranking x JOIN %1$I.indicator i ON i.code = x.indicator
                          WHERE x.unit = $1 AND x.year = $2 AND x.gender = 'T' AND i.higher_is_better IS NOT NULL$q$, model, h)
            INTO ranks USING r, rank_year;
        -- a rank chart per key figure with a direction, in the unit's KOSTRA group (else its first group)
        EXECUTE format($q$
            WITH g AS (SELECT x.group_code, x.indicator FROM %1$I.ranking x JOIN %1$I.indicator i ON i.code = x.indicator
                       WHERE x.unit = $1 AND x.year = $2 AND x.gender = 'T' AND i.higher_is_better IS NOT NULL
                         AND x.group_code = (SELECT y.group_code FROM %1$I.ranking y WHERE y.unit = $1 AND y.year = $2
                                             ORDER BY y.group_kind <> 'kostra_group', y.group_size, y.group_code LIMIT 1)),
            bars AS (SELECT x.group_code, x.group_name, x.indicator, x.unit_name, x.value, x.rank, x.quartile_band, x.unit = $1 AS me,
                            row_number() OVER (PARTITION BY x.indicator ORDER BY x.rank, x.unit_name) AS i,
                            count(*) OVER (PARTITION BY x.indicator) AS n, max(abs(x.value)) OVER (PARTITION BY x.indicator) AS top
                     FROM %1$I.ranking x JOIN g USING (group_code, indicator) WHERE x.year = $2 AND x.gender = 'T'),
            charts AS (SELECT b.indicator, min(b.group_name) AS group_name,
                              format('<svg role="img" width="720" height="%%s" viewBox="0 0 720 %%s">', 16 * max(n) + 8, 16 * max(n) + 8)
                              || string_agg(format('<g><text x="210" y="%%s" text-anchor="end" class="%%s">%%s. %%s</text>'
                                                   '<rect x="216" y="%%s" width="%%s" height="12" class="band-%%s%%s"/>'
                                                   '<text x="%%s" y="%%s" class="v">%%s</text></g>',
                                                   16 * i, CASE WHEN me THEN 'me' ELSE 'n' END, rank, %2$s(unit_name),
                                                   16 * i - 10, round(440 * abs(value) / nullif(top, 0)), quartile_band, CASE WHEN me THEN ' me' ELSE '' END,
                                                   222 + round(440 * abs(value) / nullif(top, 0)), 16 * i, round(value::numeric, 1)), '' ORDER BY i)
                              || '</svg>' AS svg
                       FROM bars b GROUP BY b.indicator)
            SELECT string_agg(format('<h3>%%s (%%s)</h3>%%s', %2$s(i.name), %2$s(c.group_name), c.svg), E'\n' ORDER BY c.indicator)
            FROM charts c JOIN %1$I.indicator i ON i.code = c.indicator$q$, model, h)
            INTO charts USING r, rank_year;
    END IF;

    EXECUTE format($q$SELECT string_agg(format('<tr><td>%%s</td><td class="n">%%s</td><td class="n">%%s</td><td class="n">%%s</td><td class="n">%%s</td><td class="n">%%s</td></tr>',
                          %2$s(CASE commissioner WHEN 'all' THEN 'alle' WHEN 'external' THEN 'eksterne' WHEN 'council' THEN 'politisk nivå'
                                                 WHEN 'service' THEN 'virksomheten' ELSE 'ikke oppgitt' END),
                          evaluations, round(total_cost), %3$s, %4$s, surveys),
                   E'\n' ORDER BY commissioner = 'all', commissioner)
                      FROM %1$I.evaluation_report WHERE unit = $1$q$,
                   model, h, format(pct, 'share_unused'), format(pct, 'share_budget_process'))
        INTO evals USING unit;
    EXECUTE format($q$SELECT string_agg(format('<tr><td style="padding-left:%%sem">%%s</td><td>%%s</td><td>%%s</td><td>%%s</td><td>%%s</td><td>%%s</td><td class="n">%%s av %%s</td></tr>',
                          0.5 + 1.4 * (@extschema@.nlevel(goal::@extschema@.goalpath) - 1), %2$s(goal_name),
                          CASE WHEN measured_by_indicator THEN '✔' ELSE '–' END, CASE WHEN comparable_with_more_than_ten THEN '✔' ELSE '–' END,
                          CASE WHEN target_or_direction_stated THEN '✔' ELSE '–' END, CASE WHEN results_reported THEN '✔' ELSE '–' END,
                          CASE WHEN compared_with_others THEN '✔' ELSE '–' END, score, criteria), E'\n' ORDER BY goal)
                      FROM %1$I.goal_clarity$q$, model, h)
        INTO clarity;

    IF has_year THEN
        EXECUTE format($q$SELECT string_agg(format('<tr><td>%%s</td><td>%%s</td><td class="n">%%s</td><td class="s"><span class="light %%s"></span>%%s</td><td>%%s</td><td>%%s</td><td class="n">%%s</td></tr>',
                              %2$s(CASE WHEN perspective = '' THEN '–' ELSE perspective END), %2$s(goal_name), %3$s, traffic_light, %2$s(@extschema@.status_word_no(status)),
                              %2$s(coalesce(latest_question, '–')), %2$s(coalesce(latest_answer, '–')), open_actions),
                       E'\n' ORDER BY perspective, goal)
                          FROM %1$I.scorecard WHERE unit = $1 AND year = $2$q$,
                       model, h, format(pct, 'attainment'))
            INTO card USING unit, year;
        EXECUTE format($q$SELECT string_agg(format('<tr><td>%%s</td><td>%%s</td><td>%%s</td><td class="n">%%s</td><td class="n">%%s</td><td class="n">%%s</td><td>%%s</td></tr>',
                              %2$s(i.name), %2$s(CASE t.kind WHEN 'level' THEN coalesce(t.target, '') WHEN 'better_than_last_year' THEN 'bedre enn i fjor'
                                                             WHEN 'better_than_median' THEN 'bedre enn medianen i ' || t.compare_group ELSE 'forskjellen K − M minker' END),
                              t.valid_from || CASE WHEN t.estimated_baseline THEN ' (anslått utgangspunkt)' ELSE '' END,
                              coalesce(round(t.actual::numeric, 2)::text, '–'), coalesce(round(t.reference::numeric, 2)::text, '–'),
                              CASE WHEN t.kind = 'level' THEN %3$s ELSE '–' END,
                              CASE t.achieved WHEN true THEN 'nådd' WHEN false THEN 'ikke nådd' ELSE '–' END),
                       E'\n' ORDER BY t.goal, t.indicator, t.kind)
                          FROM %1$I.target_attainment t JOIN %1$I.indicator i ON i.code = t.indicator WHERE t.unit = $1 AND t.year = $2$q$,
                       model, h, format(pct, 't.attainment'))
            INTO living USING unit, year;
        EXECUTE format($q$SELECT string_agg(format('<tr><td class="n">%%s</td><td>%%s</td><td>%%s</td><td class="n">%%s</td><td class="n">%%s</td><td class="n">%%s</td><td class="n">%%s</td></tr>',
                              month, CASE class WHEN 'D' THEN 'drift' ELSE 'investering' END, kind,
                              round(budget_to_date), coalesce(round(actual_to_date)::text, '–'), coalesce(round(deviation_to_date)::text, '–'),
                              coalesce(round(forecast_year)::text, '–')),
                       E'\n' ORDER BY month, class, kind DESC)
                          FROM (SELECT month, class, CASE WHEN type < '600' THEN 'utgifter' ELSE 'inntekter' END AS kind,
                                       sum(budget_to_date) AS budget_to_date, sum(actual_to_date) AS actual_to_date,
                                       sum(deviation_to_date) AS deviation_to_date, sum(forecast_year) AS forecast_year
                                FROM %1$I.budget_variance WHERE unit = $1 AND year = $2 AND month IN (4, 8, 12)
                                GROUP BY 1, 2, 3) v$q$, model)
            INTO money USING unit, year;
        -- the best quartile of the unit's groups on the indicators of its goals
        EXECUTE format($q$SELECT string_agg(format('<tr><td>%%s</td><td>%%s</td><td class="n">%%s</td><td>%%s</td></tr>',
                              %2$s(p.indicator_name), %2$s(p.group_name), p.members, %2$s(p.proposed_target)),
                       E'\n' ORDER BY p.indicator, p.group_code)
                          FROM %1$I.target_proposal p
                          WHERE p.year = $2 AND p.gender = 'T' AND p.proposed_target IS NOT NULL
                            AND p.group_code IN (SELECT gm.group_code FROM %1$I.group_member gm WHERE gm.unit = $1 AND gm.year = $2)
                            AND p.indicator IN (SELECT gi.indicator FROM %1$I.goal_indicator gi)$q$, model, h)
            INTO proposals USING r, year;
        EXECUTE format($q$SELECT string_agg(format('<tr><td>%%s</td><td>%%s</td><td class="n">%%s</td><td class="n">%%s</td></tr>',
                              %2$s(indicator_name), period, round(value::numeric, 2), coalesce(round(change::numeric, 2)::text, '–')),
                       E'\n' ORDER BY indicator, period)
                          FROM %1$I.period_series WHERE unit = $1 AND year = $2 AND gender = 'T' AND value IS NOT NULL$q$, model, h)
            INTO periods USING unit, year;
        EXECUTE format($q$SELECT string_agg(format('<tr><td>%%s. %%s</td><td class="n">%%s av %%s</td></tr>', checklist, %2$s(checklist_name), answered, questions),
                       E'\n' ORDER BY checklist)
                          FROM (SELECT checklist, checklist_name, count(*) FILTER (WHERE answered) AS answered, count(*) AS questions
                                FROM %1$I.checklist_status WHERE unit = $1 AND year = $2 GROUP BY 1, 2) c$q$, model, h)
            INTO lists USING unit, year;
        EXECUTE format($q$SELECT format('<tr><td class="n">%%s</td><td class="n">%%s</td><td class="n">%%s %%%%</td><td class="n">%%s</td><td class="n">%%s</td></tr>',
                              g.evaluations, g.tied_to_goals, g.tied_percent, g.surveys,
                              (SELECT count(*) FROM %1$I.evaluation_ownership o WHERE o.unit = $1))
                          FROM %1$I.evaluation_goals g WHERE g.unit = $1 AND g.all_areas
                          ORDER BY g.year DESC LIMIT 1$q$, model)
            INTO tied USING unit;
    END IF;

    RETURN concat_ws(E'\n',
'<!DOCTYPE html>',
format('<html lang="no"><head><meta charset="utf-8"><title>Styringsrapport %s %s</title>', @extschema@.html_text(unit_name), year),
'<meta name="viewport" content="width=device-width, initial-scale=1">',
'<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 2px solid #ddd; }
p.note, p.none { color: #666; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } td.s { white-space: nowrap; }
.light, .band { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%; vertical-align: -0.1em; margin-right: 0.3em; }
.green { background: #2e9d4a; } .yellow { background: #e8b923; } .red { background: #d63b30; } .grey { background: #aaa; }
ul.tree { list-style: none; padding-left: 0; }
.bar { display: inline-block; height: 0.7em; background: #4a7fb5; margin-left: 0.5em; vertical-align: 0; }
svg text { font: 11px system-ui, sans-serif; } svg text.me { font-weight: bold; } svg text.v { fill: #555; }
rect.band-top { fill: #2e9d4a; } rect.band-middle { fill: #e8b923; } rect.band-bottom { fill: #d63b30; }
rect.me { stroke: #000; stroke-width: 2; }
</style></head><body>',
format('<h1>Styringsrapport: %s, %s</h1>', @extschema@.html_text(unit_name), year),
format('<p class="note">Laget av styring fra styringsmodellen «%s» (enhet %s%s).</p>', @extschema@.html_text(model), @extschema@.html_text(unit),
       CASE WHEN r <> unit THEN format(', sammenlignet som %s', @extschema@.html_text(r)) ELSE '' END),
format('<h2>Måloppnåelse %s</h2>', year),
CASE WHEN goals IS NULL THEN none ELSE
'<table><tr><th>Mål</th><th>Styringsparameter</th><th>Resultatmål</th><th>Resultat</th><th>Oppnådd</th><th>Forventet</th><th>Status</th></tr>' || E'\n' || goals || E'\n</table>' END,
'<h2>Målkjeden, rullet opp nivå for nivå</h2>',
CASE WHEN chain IS NULL THEN none ELSE '<ul class="tree">' || E'\n' || chain || E'\n</ul>' END,
format('<h2>Sammenligning%s</h2>', CASE WHEN rank_year IS NOT NULL THEN format(' %s', rank_year) ELSE '' END),
CASE WHEN ranks IS NULL THEN none ELSE
'<p class="note">Plass i hver sammenligningsgruppe; kvartil grønn (beste 25 %), gul, rød (svakeste 25 %).</p>' ||
'<table><tr><th>Gruppe</th><th>Nøkkeltall</th><th>Verdi</th><th>Plass</th><th>Median i gruppen</th><th>Bedre er</th></tr>' || E'\n' || ranks || E'\n</table>' || E'\n' || coalesce(charts, '') END,
'<h2>Evalueringer</h2>',
CASE WHEN evals IS NULL THEN none ELSE
'<table><tr><th>Oppdragsgiver</th><th>Antall</th><th>Kostnad kr</th><th>Ikke brukt</th><th>Brukt i budsjett og mål</th><th>Brukerundersøkelser</th></tr>' || E'\n' || evals || E'\n</table>' END,
CASE WHEN has_year THEN '<h2>Målkort etter perspektiv</h2>' || E'\n' || CASE WHEN card IS NULL THEN none ELSE
'<table><tr><th>Perspektiv</th><th>Mål</th><th>Oppnådd</th><th>Status</th><th>Siste undring</th><th>Svar</th><th>Åpne tiltak</th></tr>' || E'\n' || card || E'\n</table>' END END,
CASE WHEN has_year THEN format('<h2>Mål som gjelder i %s</h2>', year) || E'\n' || CASE WHEN living IS NULL THEN none ELSE
'<p class="note">Hvert år måles mot målet som gjaldt det året.</p>' ||
'<table><tr><th>Styringsparameter</th><th>Mål</th><th>Gjelder fra</th><th>Resultat</th><th>Sammenlignet med</th><th>Oppnådd</th><th>Nådd</th></tr>' || E'\n' || living || E'\n</table>' END END,
CASE WHEN has_year THEN format('<h2>Budsjett og regnskap %s, tertialvis (1 000 kr)</h2>', year) || E'\n' || CASE WHEN money IS NULL THEN none ELSE
'<table><tr><th>Til og med måned</th><th>Regnskap</th><th></th><th>Budsjett hittil</th><th>Regnskap hittil</th><th>Avvik</th><th>Prognose for året</th></tr>' || E'\n' || money || E'\n</table>' END END,
CASE WHEN has_year THEN format('<h2>Forslag til mål %s: beste kvartil i gruppene</h2>', year) || E'\n' || CASE WHEN proposals IS NULL THEN none ELSE
'<table><tr><th>Styringsparameter</th><th>Gruppe</th><th>Medlemmer</th><th>Forslag</th></tr>' || E'\n' || proposals || E'\n</table>' END END,
CASE WHEN has_year THEN format('<h2>Perioder i %s</h2>', year) || E'\n' || CASE WHEN periods IS NULL THEN none ELSE
'<table><tr><th>Styringsparameter</th><th>Periode</th><th>Verdi</th><th>Endring</th></tr>' || E'\n' || periods || E'\n</table>' END END,
CASE WHEN has_year THEN '<h2>Evalueringer knyttet til mål</h2>' || E'\n' || CASE WHEN tied IS NULL THEN none ELSE
'<table><tr><th>Evalueringer</th><th>Knyttet til mål</th><th>Andel</th><th>Brukerundersøkelser</th><th>Uten klart eierskap</th></tr>' || E'\n' || tied || E'\n</table>' END END,
CASE WHEN has_year THEN format('<h2>Sjekklister %s (Kommunens kvalitet i korthet)</h2>', year) || E'\n' || CASE WHEN lists IS NULL THEN none ELSE
'<table><tr><th>Sjekkliste</th><th>Besvart</th></tr>' || E'\n' || lists || E'\n</table>' END END,
'<h2>Hvor tydelige er målene? (Kommunens kvalitet i korthet)</h2>',
CASE WHEN clarity IS NULL THEN none ELSE
'<table><tr><th>Mål</th><th>Indikator</th><th>Sammenlignbar med over 10</th><th>Målnivå</th><th>Rapporteres</th><th>Sammenlignes</th><th>Poeng</th></tr>' || E'\n' || clarity || E'\n</table>' END,
'</body></html>');
END $fn$;
COMMENT ON FUNCTION @extschema@.report_html(text, text, integer, text) IS
    'the steering report of one unit of a model for one year as a self-contained HTML page in Norwegian: goals and traffic lights, the goal chain, comparison groups with rank charts, evaluations, the scorecard, the targets in force, budget and accounts by tertial, targets proposed from the groups'' best quartile, periods below the year, evaluations tied to goals, the checklists answered, goal clarity; ranked_as names the code its comparison figures are under (e.g. before a merger)';
