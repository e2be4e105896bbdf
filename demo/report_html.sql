-- The demo steering report as one self-contained HTML page (no scripts, no
-- fonts or images from elsewhere): traffic lights per goal, the goal tree,
-- a rank chart per key figure, the evaluations and how clear the goals are.
-- Every figure is read from the steering model's views. Writes the file named
-- by the psql variable html (scripts/demo.sh sets it).
\set QUIET on
CREATE FUNCTION pg_temp.h(t anyelement) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT replace(replace(replace(replace(coalesce(t::text, '–'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;') $$;
CREATE FUNCTION pg_temp.pct(x double precision) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN x IS NULL THEN '–' ELSE round((100 * x)::numeric, 1) || ' %' END;

-- a horizontal bar chart of one key figure in one comparison group, the focus unit marked
CREATE FUNCTION pg_temp.rank_chart(ind text, grp text, focus text) RETURNS text LANGUAGE sql STABLE
RETURN (
    WITH r AS (SELECT unit_name, value, rank, group_size, quartile_band, unit = focus AS me,
                      row_number() OVER (ORDER BY rank, unit_name) AS i,
                      max(value) OVER () AS top
               FROM kommune.ranking WHERE indicator = ind AND group_code = grp AND year = 2015)
    SELECT format('<svg role="img" width="720" height="%s" viewBox="0 0 720 %s">', 16 * count(*) + 8, 16 * count(*) + 8)
        || string_agg(format('<g><text x="210" y="%s" text-anchor="end" class="%s">%s. %s</text>'
                             '<rect x="216" y="%s" width="%s" height="12" class="band-%s%s"/>'
                             '<text x="%s" y="%s" class="v">%s</text></g>',
                             16 * i, CASE WHEN me THEN 'me' ELSE 'n' END, rank, pg_temp.h(unit_name),
                             16 * i - 10, round(440 * value / nullif(top, 0)), quartile_band, CASE WHEN me THEN ' me' ELSE '' END,
                             222 + round(440 * value / nullif(top, 0)), 16 * i, round(value::numeric)), '' ORDER BY i)
        || '</svg>'
    FROM r);

\pset format unaligned
\pset tuples_only on
\o :html
SELECT concat_ws(E'\n',
'<!DOCTYPE html>',
'<html lang="no"><head><meta charset="utf-8"><title>Styringsrapport – styring demo</title>',
'<meta name="viewport" content="width=device-width, initial-scale=1">',
'<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 2px solid #ddd; }
p.note { color: #666; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } td.s { white-space: nowrap; }
.light { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%; vertical-align: -0.1em; margin-right: 0.3em; }
.green { background: #2e9d4a; } .yellow { background: #e8b923; } .red { background: #d63b30; } .grey { background: #aaa; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.4em; } ul.tree { padding-left: 0; }
.bar { display: inline-block; height: 0.7em; background: #4a7fb5; margin-left: 0.5em; vertical-align: 0; }
svg text { font: 11px system-ui, sans-serif; } svg text.me { font-weight: bold; } svg text.v { fill: #555; }
rect.band-top { fill: #2e9d4a; } rect.band-middle { fill: #e8b923; } rect.band-bottom { fill: #d63b30; }
rect.me { stroke: #000; stroke-width: 2; }
</style></head><body>',
'<h1>Styringsrapport</h1>',
'<p class="note">Made by styring''s demo from the steering model''s views. Bolig for velferd: illustrative figures. KOSTRA 2015: real figures from Statistics Norway. Bergslagen: an inventory reconstructed from the published tables of <i>Resultatstyrning 2009</i>.</p>',

'<h2>Bolig for velferd: måloppnåelse 2018</h2>',
'<table><tr><th>Kommune</th><th>Styringsparameter</th><th>Resultatmål</th><th>Resultat</th><th>Oppnådd</th><th>Forventet</th><th>Status</th></tr>',
(SELECT string_agg(format('<tr><td>%s</td><td>%s</td><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="s"><span class="light %s"></span>%s</td></tr>',
                          pg_temp.h(unit_name), pg_temp.h(indicator_name), pg_temp.h(target), pg_temp.h(actual),
                          pg_temp.pct(attainment), pg_temp.pct(expected_progress), traffic_light, pg_temp.h(status)),
                   E'\n' ORDER BY unit = 'EAK' DESC, unit_name, indicator)
 FROM kommune.goal_attainment WHERE year = 2018),
'</table>',

'<h2>Målkjeden: landet, rullet opp nivå for nivå</h2>',
'<ul class="tree">',
(SELECT string_agg(format('<li style="margin-left:%sem">%s <b>%s</b><span class="bar" style="width:%spx"></span> <small>%s mål med data</small></li>',
                          1.4 * (depth - 1), pg_temp.h(goal_name), pg_temp.pct(chain_attainment), round(200 * coalesce(chain_attainment, 0)), measured),
                   E'\n' ORDER BY path)
 FROM kommune.goal_rollup WHERE unit = 'EAK' AND year = 2018),
'</ul>',

'<h2>KOSTRA 2015: Hole i sin KOSTRA-gruppe</h2>',
'<p class="note">Rank charts within KOSTRA group 8; quartile bands green (best 25 %), yellow, red (worst 25 %); Hole outlined.</p>',
(SELECT string_agg(format('<h3>%s (%s)</h3>%s', pg_temp.h(i.name), pg_temp.h(i.measure), pg_temp.rank_chart(i.code, 'EKG08', '0612')), E'\n' ORDER BY i.code DESC)
 FROM kommune.indicator i WHERE i.code IN ('idrett_netto_per_innb', 'idrett_areal_per_1000', 'idrett_energi_per_m2')),

'<h2>Utvärderingar: Kvalitetsnätverk Bergslagen</h2>',
'<table><tr><th>Kommun</th><th>Antal</th><th>Kostnad kr</th><th>Oanvända</th><th>Budget/mål</th><th>Brukarenkät</th></tr>',
(SELECT string_agg(format('<tr><td>%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td><td class="n">%s</td></tr>',
                          pg_temp.h(u.name), r.evaluations, round(r.total_cost), pg_temp.pct(r.share_unused), pg_temp.pct(r.share_budget_process), r.surveys),
                   E'\n' ORDER BY u.name)
 FROM kommune.evaluation_report r JOIN kommune.unit u ON u.code = r.unit WHERE r.commissioner = 'all'),
'</table>',

'<h2>Hur tydliga är målen? (Kommunens kvalitet i korthet)</h2>',
'<table><tr><th>Mål</th><th>Indikator</th><th>Jämförbar &gt;10</th><th>Målnivå</th><th>Redovisas</th><th>Jämförs</th><th>Poäng</th></tr>',
(SELECT string_agg(format('<tr><td style="padding-left:%sem">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class="n">%s av %s</td></tr>',
                          0.5 + 1.4 * (styring.nlevel(goal::styring.goalpath) - 1), pg_temp.h(goal_name),
                          CASE WHEN measured_by_indicator THEN '✔' ELSE '–' END, CASE WHEN comparable_with_more_than_ten THEN '✔' ELSE '–' END,
                          CASE WHEN target_or_direction_stated THEN '✔' ELSE '–' END, CASE WHEN results_reported THEN '✔' ELSE '–' END,
                          CASE WHEN compared_with_others THEN '✔' ELSE '–' END, score, criteria), E'\n' ORDER BY goal)
 FROM kommune.goal_clarity),
'</table>',
'</body></html>');
\o
\pset format aligned
\pset tuples_only off
\set QUIET off
\echo
\echo 'The report as a page:' :html
