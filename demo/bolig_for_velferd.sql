-- Demo data: goals, targets and measured values in the style of the national
-- strategy Bolig for velferd (housing for welfare), 2014-2020.
--
-- ILLUSTRATIVE, NOT OFFICIAL FIGURES. The structure follows Nivåer på styringsinformasjon (national
-- resultatmål on styringsparametere, status 2014/2015 as baseline, targets
-- towards 2020, municipalities setting their own values on the same
-- indicators); the numbers are made up to be plausible.
CREATE SCHEMA demo;

CREATE TABLE demo.indicator (
    code     text PRIMARY KEY,
    name     text NOT NULL,              -- styringsparameter, in Norwegian
    unit     text NOT NULL
);
INSERT INTO demo.indicator VALUES
    ('bf1', 'Barnefamilier i midlertidig botilbud', 'antall'),
    ('bf2', 'Barnefamilier med lav inntekt som eier egen bolig', 'prosent'),
    ('bf3', 'Unge (16-24) i midlertidig botilbud over tre måneder', 'prosent'),
    ('bf4', 'Vanskeligstilte som får startlån', 'per 1000 innb.'),
    ('bf5', 'Kommunale boliger med god standard', 'prosent');

-- National targets (statlige resultatmål) and the municipalities' own.
CREATE TABLE demo.goal (
    municipality text NOT NULL,          -- 'Landet' for the national target
    indicator    text NOT NULL REFERENCES demo.indicator,
    target       styring.target NOT NULL,
    PRIMARY KEY (municipality, indicator)
);
INSERT INTO demo.goal VALUES
    ('Landet',    'bf1', '<= 0 by 2020 from 679 in 2015'),
    ('Landet',    'bf2', '>= 40 by 2020 from 32 in 2015'),
    ('Landet',    'bf3', '<= 5 by 2020 from 12 in 2015'),
    ('Landet',    'bf4', '>= 2.5 by 2020 from 1.8 in 2015'),
    ('Landet',    'bf5', '= 90 ±5 by 2020 from 70 in 2015'),
    ('Drammen',   'bf1', '<= 5 by 2020 from 38 in 2015'),
    ('Drammen',   'bf2', '>= 38 by 2020 from 29 in 2015'),
    ('Drammen',   'bf3', '<= 6 by 2020 from 15 in 2015'),
    ('Drammen',   'bf4', '>= 3 by 2020 from 2.1 in 2015'),
    ('Hole',      'bf2', '>= 45 by 2020 from 41 in 2015'),
    ('Hole',      'bf3', '<= 4 by 2020 from 7 in 2015'),
    ('Hole',      'bf5', '= 85 ±5 by 2020 from 60 in 2015'),
    ('Bergen',    'bf1', '<= 10 by 2020 from 64 in 2015'),
    ('Bergen',    'bf2', '>= 36 by 2020 from 30 in 2015'),
    ('Bergen',    'bf4', '>= 2.2 by 2020 from 1.5 in 2015'),
    ('Bergen',    'bf5', '= 90 ±5 by 2020 from 72 in 2015'),
    ('Trondheim', 'bf1', '<= 8 by 2021 from 41 in 2016'),
    ('Trondheim', 'bf2', '>= 42 by 2021 from 35 in 2016'),
    ('Trondheim', 'bf3', '<= 5 by 2021 from 10 in 2016');

-- Measured values (resultater) per year. Missing reports are simply absent.
CREATE TABLE demo.measurement (
    municipality text NOT NULL,
    indicator    text NOT NULL REFERENCES demo.indicator,
    year         integer NOT NULL,
    value        double precision,
    PRIMARY KEY (municipality, indicator, year)
);
INSERT INTO demo.measurement VALUES
    ('Landet', 'bf1', 2016, 612), ('Landet', 'bf1', 2017, 540), ('Landet', 'bf1', 2018, 431),
    ('Landet', 'bf2', 2016, 33.1), ('Landet', 'bf2', 2017, 34.0), ('Landet', 'bf2', 2018, 36.5),
    ('Landet', 'bf3', 2016, 11.2), ('Landet', 'bf3', 2017, 10.1), ('Landet', 'bf3', 2018, 7.6),
    ('Landet', 'bf4', 2016, 1.9), ('Landet', 'bf4', 2017, 2.2), ('Landet', 'bf4', 2018, 2.3),
    ('Landet', 'bf5', 2016, 73), ('Landet', 'bf5', 2017, 77), ('Landet', 'bf5', 2018, 82),
    ('Drammen', 'bf1', 2016, 30), ('Drammen', 'bf1', 2017, 21), ('Drammen', 'bf1', 2018, 12),
    ('Drammen', 'bf2', 2016, 30.2), ('Drammen', 'bf2', 2017, 31.0), ('Drammen', 'bf2', 2018, 31.5),
    ('Drammen', 'bf3', 2016, 14), ('Drammen', 'bf3', 2017, 12), ('Drammen', 'bf3', 2018, 9.4),
    ('Drammen', 'bf4', 2016, 2.3), ('Drammen', 'bf4', 2017, 2.8), ('Drammen', 'bf4', 2018, 3.1),
    ('Hole', 'bf2', 2016, 41.5), ('Hole', 'bf2', 2017, 42.8), ('Hole', 'bf2', 2018, 43.6),
    ('Hole', 'bf3', 2016, 7), ('Hole', 'bf3', 2017, 8), ('Hole', 'bf3', 2018, 7.5),
    ('Hole', 'bf5', 2016, 64), ('Hole', 'bf5', 2017, 70), ('Hole', 'bf5', 2018, 81),
    ('Bergen', 'bf1', 2016, 60), ('Bergen', 'bf1', 2017, 51), ('Bergen', 'bf1', 2018, 44),
    ('Bergen', 'bf2', 2016, 30.5), ('Bergen', 'bf2', 2017, 31.9),
    ('Bergen', 'bf4', 2016, 1.6), ('Bergen', 'bf4', 2017, 1.8), ('Bergen', 'bf4', 2018, 2.0),
    ('Bergen', 'bf5', 2016, 74), ('Bergen', 'bf5', 2017, 79), ('Bergen', 'bf5', 2018, 86),
    ('Trondheim', 'bf1', 2017, 35), ('Trondheim', 'bf1', 2018, 27),
    ('Trondheim', 'bf2', 2017, 36.4), ('Trondheim', 'bf2', 2018, 37.9),
    ('Trondheim', 'bf3', 2017, 9.8), ('Trondheim', 'bf3', 2018, 9.9);

-- Where each indicator sits in the goal chain (målkjede) of the strategy.
ALTER TABLE demo.indicator ADD COLUMN chain styring.goalpath;
UPDATE demo.indicator SET chain = CASE code
    WHEN 'bf1' THEN 'bolig_for_velferd.barnefamilier_og_unge.trygg_bolig'
    WHEN 'bf2' THEN 'bolig_for_velferd.barnefamilier_og_unge.eie_egen_bolig'
    WHEN 'bf3' THEN 'bolig_for_velferd.barnefamilier_og_unge.trygg_bolig'
    WHEN 'bf4' THEN 'bolig_for_velferd.vanskeligstilte.eie_egen_bolig'
    WHEN 'bf5' THEN 'bolig_for_velferd.vanskeligstilte.god_standard' END::styring.goalpath;
