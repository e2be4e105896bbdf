------------------------------------------------------------------------------
-- The controls of Statistics Norway's control program (kostra-kontrollprogram)
-- on a KOSTRA accounts file, as that program runs them for the municipal and
-- county accounts: the annual skjema 0A-0D, 0I-0N, 0P, 0Q and the quarterly
-- 0AK1-0DK4. One function returns every finding with the program's rule
-- name, severity (fatal, error, warning, info: by annual or quarterly file,
-- as the program decides), message and lines.
--
--   001          the record length (fatal: nothing else is checked)
--   003-009, 014 the record's fields against the arguments
--   010-013      function, kapittel, art and sektor against the code lists
--                of the skjema (styring.kostra_codes)
--   015, 016     duplicates; the sign of kapittel 5900 and 5970
--   020-081      combinations of kontoklasse, function and art
--   085-190      sums: expenses and incomes, balance, taxes and block
--                grants, transfers, depreciation, functions 290 and 465,
--                memorandum accounts
--
-- As the program does, a record whose amount is 0 is left out of every
-- control after 001, a record is judged by its own skjema and kontoklasse
-- (operating, investment, balance), and an amount that is not a number
-- counts as 0 in the sums (014 reports it).
------------------------------------------------------------------------------

-- The program's code lists for a skjema, region (4 or 6 digits) and
-- organisation number, as it builds them in KommuneKostraMain (annual) and
-- KvartalKostraMain (quarterly): the valid functions (padded to 4, as the
-- program lists them), kapitler, arts and sektorer, and the combinations it
-- finds invalid or illogical in the operating (drift) or investment
-- (investering) accounts. The quarterly lists are the program's as they
-- are, with their quirks: no art list (control 012 does not run), the
-- expired functions 190 and 254 valid for county files too.
CREATE OR REPLACE FUNCTION @extschema@.kostra_codes(list text, skjema text, region text DEFAULT NULL, orgnr text DEFAULT NULL)
    RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    reg constant text := CASE WHEN region ~ '^[0-9]{4}$' THEN region || '00' ELSE coalesce(region, '') END;
    annual_bev constant boolean := skjema IN ('0A', '0C', '0I', '0K', '0M', '0P');
    annual_bal constant boolean := skjema IN ('0B', '0D', '0J', '0L', '0N', '0Q');
    quarter_bev constant boolean := skjema ~ '^0[AC]K[1-4]$';
    quarter_bal constant boolean := skjema ~ '^0[BD]K[1-4]$';
    oslo_bydel constant boolean := reg ~ '^0301(0[1-9]|1[0-5])$';
    orgnr_spesial constant boolean := orgnr IN ('817920632', '921234554', '958935420', '964338531');
    region_spesial constant boolean := reg IN ('030100', '300500', '460100', '500000');
    kommunale constant text[] := ARRAY[
        '100', '110', '120', '121', '130', '170', '171', '172', '173', '180',
        '201', '202', '211', '213', '215', '221', '222', '223', '231', '232', '233', '234', '241', '242', '243', '244',
        '251', '252', '253', '256', '257', '258', '261', '265', '273', '275', '276', '281', '283', '285', '290',
        '301', '302', '303', '315', '320', '321', '322', '325', '329', '330', '332', '335', '338', '339', '340', '345',
        '350', '353', '354', '355', '360', '365', '370', '373', '375', '377', '380', '381', '383', '385', '386', '390', '392', '393'];
    fylkeskommunale constant text[] := ARRAY[
        '400', '410', '420', '421', '430', '460', '465', '470', '471', '472', '473', '480',
        '511', '515', '520', '521', '522', '523', '525', '526', '527', '528', '529', '530', '531', '533', '534', '535', '536', '537',
        '553', '554', '559', '562', '563', '564', '570', '581', '590', '660', '665',
        '701', '710', '711', '713', '714', '716', '722', '730', '731', '732', '733', '734', '735', '740',
        '750', '760', '771', '772', '775', '790'];
    kapitler constant text[] := ARRAY[
        '10', '11', '12', '13', '14', '15', '16', '18', '19', '20', '21', '22', '23', '24', '27', '28', '29',
        '31', '32', '33', '34', '35', '39', '40', '411', '412', '431', '451', '452', '453', '454', '47',
        '51', '53', '55', '56', '580', '581', '5900', '5970', '5990', '9100', '9110', '9200', '9999'];
    basis_arter constant text[] := ARRAY[
        '010', '020', '030', '040', '050', '070', '075', '080', '089', '090', '099',
        '100', '105', '110', '114', '115', '120', '130', '140', '150', '160', '165', '170', '180', '181', '182', '183', '184', '185', '190', '195',
        '200', '209', '210', '220', '230', '240', '250', '260', '271', '272', '280', '285',
        '300', '330', '350', '370', '380', '400', '429', '430', '450', '470', '480',
        '500', '501', '509', '510', '511', '512', '520', '521', '522', '529', '530', '540', '550', '570', '589', '590',
        '600', '620', '629', '630', '640', '650', '660', '670', '700', '710', '729', '730', '750', '770', '780',
        '800', '810', '830', '850', '870', '877', '880', '890',
        '900', '901', '905', '909', '910', '911', '912', '920', '921', '922', '929', '940', '950', '970', '980', '989', '990'];
    sektorer constant text[] := ARRAY[
        '000', '070', '080', '110', '151', '152', '200', '320', '355', '395', '430', '450', '499',
        '550', '570', '610', '640', '650', '890', '900'];
    illogical_inv_funksjon constant text[] := ARRAY['100', '110', '121', '170', '171', '400', '410', '421', '470', '471'];
    codes text[] := '{}';
    pad integer := 0;
BEGIN
    IF list IS NULL OR skjema IS NULL THEN
        RETURN NULL;
    END IF;
    CASE list
    WHEN 'funksjon' THEN
        pad := 4;
        IF annual_bev THEN
            IF skjema IN ('0A', '0I', '0M') THEN codes := codes || kommunale; END IF;
            IF skjema IN ('0A', '0M') THEN codes := codes || ARRAY['800', '840', '841', '850', '860', '870', '880', '899']; END IF;
            IF skjema = '0I' THEN
                codes := codes || CASE WHEN orgnr_spesial THEN ARRAY['841', '860', '870', '880', '899']
                                       ELSE ARRAY['841', '850', '860', '870', '880', '899'] END;
            END IF;
            IF skjema IN ('0C', '0K', '0P') THEN codes := codes || fylkeskommunale; END IF;
            IF skjema IN ('0C', '0P') THEN codes := codes || ARRAY['800', '840', '841', '860', '870', '880', '899']; END IF;
            IF skjema = '0K' THEN codes := codes || ARRAY['841', '860', '870', '880', '899']; END IF;
            IF reg = '030100' OR oslo_bydel THEN codes := codes || fylkeskommunale; END IF;
            IF oslo_bydel THEN codes := codes || ARRAY['691', '692', '693', '694', '695', '696']; END IF;
        ELSIF quarter_bev THEN
            codes := ARRAY['800', '840', '841', '850', '860', '870', '880', '899', 'Z', 'z', '~'];
            IF skjema ~ '^0AK' THEN codes := codes || kommunale; END IF;
            codes := codes || ARRAY['190', '254'];  -- the program adds them to every quarterly file
            IF skjema ~ '^0CK' THEN codes := codes || fylkeskommunale; END IF;
            IF reg = '030100' THEN codes := codes || ARRAY['691', '692', '693', '694', '696'] || fylkeskommunale; END IF;
        END IF;
    WHEN 'kapittel' THEN
        pad := 4;
        IF annual_bal THEN
            codes := kapitler || CASE WHEN skjema IN ('0J', '0L') THEN ARRAY['17', '46'] ELSE '{}' END;
        ELSIF quarter_bal THEN
            codes := kapitler || ARRAY['Z', 'z', '~', ''];
        END IF;
    WHEN 'art' THEN
        -- the quarterly files have none: the program asks for an annual skjema here
        IF annual_bev THEN
            codes := basis_arter;
            IF skjema IN ('0A', '0M') THEN
                codes := codes || ARRAY['871', '872', '873', '876', '878', '879'];
                IF oslo_bydel THEN codes := codes || ARRAY['298', '379', '798']; END IF;
            END IF;
        END IF;
    WHEN 'sektor' THEN
        pad := 3;
        IF annual_bal THEN
            codes := sektorer;
        ELSIF quarter_bal THEN
            codes := sektorer || ARRAY['Z', 'z', '~'];
        END IF;
    WHEN 'utgatt_funksjon' THEN
        IF quarter_bev OR skjema ~ '^0[BD]K[1-4]$' THEN codes := ARRAY['190', '254']; END IF;
    WHEN 'ugyldig_drift_funksjon' THEN
        IF annual_bev OR quarter_bev THEN codes := ARRAY['841']; END IF;
    WHEN 'ugyldig_drift_art' THEN
        IF quarter_bev OR quarter_bal THEN
            codes := ARRAY['529', '670', '910', '911', '929', '970'];
        ELSIF (skjema IN ('0I', '0K') AND orgnr_spesial) OR (skjema IN ('0M', '0P') AND region_spesial) THEN
            codes := ARRAY['280', '512', '521', '522', '529', '670', '910', '911', '912', '922', '929', '970'];
        ELSE
            codes := ARRAY['280', '512', '521', '522', '529', '670', '910', '911', '912', '921', '922', '929', '970'];
        END IF;
    WHEN 'ulogisk_drift_art' THEN
        codes := ARRAY['285', '660'];
    WHEN 'ugyldig_investering_funksjon' THEN
        IF annual_bev THEN codes := ARRAY['800', '840', '850', '860'];
        ELSIF quarter_bev THEN codes := ARRAY['800', '840', '860'];
        END IF;
    WHEN 'ulogisk_investering_funksjon' THEN
        IF annual_bev OR quarter_bev THEN codes := illogical_inv_funksjon; END IF;
    WHEN 'ugyldig_investering_art' THEN
        IF quarter_bev OR quarter_bal THEN
            codes := ARRAY['509', '570', '590', '800', '870', '871', '872', '873', '875', '876', '877', '909', '990'];
        ELSE
            codes := ARRAY['070', '080', '110', '114', '240', '509', '570', '590', '600', '629', '630', '640',
                           '800', '870', '871', '872', '873', '876', '877', '878', '879', '909', '990'];
        END IF;
    WHEN 'ulogisk_investering_art' THEN
        codes := ARRAY['620', '650', '900'];
    ELSE
        RAISE EXCEPTION 'unknown KOSTRA code list "%"', @extschema@.doc_excerpt(list)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The lists are funksjon, kapittel, art, sektor, utgatt_funksjon, ugyldig_drift_funksjon, ugyldig_drift_art, '
                         'ulogisk_drift_art, ugyldig_investering_funksjon, ulogisk_investering_funksjon, ugyldig_investering_art and ulogisk_investering_art.';
    END CASE;
    RETURN ARRAY(SELECT DISTINCT rpad(c, greatest(pad, length(c))) COLLATE "C" AS c FROM unnest(codes) c ORDER BY 1);
END $fn$;
COMMENT ON FUNCTION @extschema@.kostra_codes(text, text, text, text) IS
    'a code list of Statistics Norway''s control program for a KOSTRA skjema (region and organisation number where the program asks for them): funksjon, kapittel, art, sektor (the valid codes, as the program pads them), utgatt_funksjon, and the combinations it finds invalid (ugyldig_...) or illogical (ulogisk_...) in the operating (drift) or investment (investering) accounts; empty where the skjema has none';

-- Every control, one row per finding: the program's rule name, severity,
-- message and the lines concerned (empty for a control on the file's sums).
-- Arguments as the program's: the skjema and year reported, the region (6
-- digits; 4 get 00), the organisation number and the quarter (' ' for the
-- annual accounts).
CREATE OR REPLACE FUNCTION @extschema@.kostra_file_check(doc text, skjema text, year integer, region text,
                                                         orgnr text DEFAULT NULL, kvartal text DEFAULT ' ')
    RETURNS TABLE (rule text, severity text, message text, lines bigint[])
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    -- one plan for every file: planning the controls anew for each would
    -- cost as much as running them (a country's files are checked in one go)
    SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
    want_region constant text := CASE WHEN region ~ '^[0-9]{4}$' THEN region || '00' ELSE region END;
    want_orgnr constant text := coalesce(orgnr, repeat(' ', 9));
    want_kvartal constant text := coalesce(kvartal, ' ');
    klasser constant text[] := @extschema@.kostra_kontoklasser(skjema);
    balance constant boolean := klasser && ARRAY['2', '5'];
    -- the program runs the combination and sum controls (020-190) for the
    -- municipal and county accounts, the most of them on the annual files
    annual constant boolean := skjema IN ('0A', '0B', '0C', '0D', '0I', '0J', '0K', '0L', '0M', '0N', '0P', '0Q');
    quarterly constant boolean := skjema ~ '^0[ABCD]K[1-4]$';
    -- severity of a combination control by the quarter reported
    early constant text := CASE WHEN coalesce(kvartal, ' ') IN ('1', '2') THEN 'warning' ELSE 'error' END;
    yearly constant text := CASE WHEN coalesce(kvartal, ' ') = ' ' THEN 'error' ELSE 'warning' END;
    funksjoner constant text[] := @extschema@.kostra_codes('funksjon', skjema, want_region, orgnr);
    -- 010 compares the record's function trimmed with the list's, which the
    -- program pads (as its message shows them)
    funksjoner_trimmed constant text[] := ARRAY(SELECT btrim(x) FROM unnest(funksjoner) x);
    kapitler constant text[] := @extschema@.kostra_codes('kapittel', skjema, want_region, orgnr);
    arter constant text[] := @extschema@.kostra_codes('art', skjema, want_region, orgnr);
    sektorer constant text[] := @extschema@.kostra_codes('sektor', skjema, want_region, orgnr);
    utgatt constant text[] := CASE WHEN quarterly THEN @extschema@.kostra_codes('utgatt_funksjon', skjema) ELSE '{}' END;
    bad_drift_funksjon constant text[] := @extschema@.kostra_codes('ugyldig_drift_funksjon', skjema, want_region, orgnr);
    bad_drift_art constant text[] := @extschema@.kostra_codes('ugyldig_drift_art', skjema, want_region, orgnr);
    odd_drift_art constant text[] := @extschema@.kostra_codes('ulogisk_drift_art', skjema, want_region, orgnr);
    bad_inv_funksjon constant text[] := @extschema@.kostra_codes('ugyldig_investering_funksjon', skjema, want_region, orgnr);
    odd_inv_funksjon constant text[] := @extschema@.kostra_codes('ulogisk_investering_funksjon', skjema, want_region, orgnr);
    bad_inv_art constant text[] := @extschema@.kostra_codes('ugyldig_investering_art', skjema, want_region, orgnr);
    odd_inv_art constant text[] := @extschema@.kostra_codes('ulogisk_investering_art', skjema, want_region, orgnr);
BEGIN
    IF doc IS NULL OR skjema IS NULL OR year IS NULL OR region IS NULL THEN
        RAISE EXCEPTION 'kostra_file_check needs the file, the skjema, the year and the region' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- 001: every record 48 characters, no tab; when one is not, nothing else is checked
    RETURN QUERY
        SELECT 'Kontroll 001 : Recordlengde', 'fatal',
               format('Korrigér filen slik at alle records er på 48 tegn. Fant record med lengde på %s tegn. '
                      'Mellomrom brukes for alle blanke posisjoner og avslutter med linjeskift. Denne feilen hindrer de andre kontrollene i å bli kjørt',
                      r.length),
               ARRAY[r.line]
        FROM @extschema@.kostra_file_rows(doc) r
        WHERE r.length <> 48 OR strpos(r.skjema || r.aargang || r.kvartal || r.region || r.orgnr || r.foretaksnr || r.kontoklasse
                                       || r.funksjon_kapittel || r.art_sektor || r.belop, E'\t') > 0
        ORDER BY r.line;
    IF FOUND THEN
        RETURN;
    END IF;
    -- the other controls over one reading of the file, each record with what
    -- the program asks of it: its accounts by its own skjema and kontoklasse
    -- (bev: operating or investment, reg: a municipality's or county's own,
    -- bal: balance, drift, inv), its numbers (0 where a field is no number)
    RETURN QUERY
        WITH f AS MATERIALIZED (
            SELECT x.*, btrim(x.funksjon_kapittel) AS fk,
                   coalesce(x.belop_value, 0) AS amt, coalesce(x.funksjon_kapittel_value, 0) AS fnum, coalesce(x.art_sektor_value, 0) AS anum,
                   x.skjema IN ('0A', '0C', '0F', '0I', '0K', '0M', '0P') AS bev,
                   x.skjema IN ('0A', '0C', '0M', '0P') AS reg,
                   x.skjema IN ('0B', '0D', '0G', '0J', '0L', '0N', '0Q', '0Y') AS bal,
                   x.skjema = '0X' AS res,
                   (x.skjema IN ('0A', '0C') AND x.kontoklasse = '1') OR (x.skjema IN ('0F', '0I', '0K', '0M', '0P') AND x.kontoklasse = '3') AS drift,
                   (x.skjema IN ('0A', '0C') AND x.kontoklasse = '0') OR (x.skjema IN ('0F', '0I', '0K', '0M', '0P') AND x.kontoklasse = '4') AS inv,
                   x.skjema IN ('0A', '0B', '0M', '0N') AS kommune,
                   x.skjema IN ('0C', '0D', '0P', '0Q') AS fylke,
                   left(x.region, 4) = '0301' AND substr(x.region, 5, 2) <> '00' AS bydel
            FROM @extschema@.kostra_file_rows(doc) x),
        r AS MATERIALIZED (SELECT * FROM f WHERE btrim(f.belop) <> '0'),
        -- the record-by-record controls (003-081) judge every record in one
        -- reading of the file (a code looked up in a list of a hundred by
        -- hash, not by comparing it with each); their findings come from the
        -- few records that fail any of them
        k AS MATERIALIZED (
            SELECT *
            FROM (SELECT r.*,
                         r.skjema <> left(kostra_file_check.skjema, 2) AS c003,
                         r.aargang <> year::text AS c004,
                         r.kvartal <> want_kvartal AS c005,
                         r.region <> want_region AS c006,
                         r.orgnr <> want_orgnr AS c007,
                         r.foretaksnr <> want_orgnr AND r.foretaksnr <> repeat(' ', 9) AS c008,
                         r.kontoklasse <> ALL (klasser) AS c009,
                         cardinality(funksjoner) > 0 AND (r.bev OR r.res) AND r.fk NOT IN (SELECT unnest(funksjoner_trimmed)) AS c010,
                         r.bev AND r.fk = ANY (utgatt) AS c010_utgatt,
                         cardinality(kapitler) > 0 AND r.bal AND r.funksjon_kapittel NOT IN (SELECT unnest(kapitler)) AS c011,
                         cardinality(arter) > 0 AND (r.bev OR r.res) AND r.art_sektor NOT IN (SELECT unnest(arter)) AS c012,
                         cardinality(sektorer) > 0 AND r.bal AND r.art_sektor NOT IN (SELECT unnest(sektorer)) AS c013,
                         r.belop !~ '^ *-?[0-9]+$' AS c014,
                         r.skjema IN ('0B', '0D', '0G', '0J', '0L', '0N', '0Q') AND r.funksjon_kapittel IN ('5900', '5970') AND r.belop_value < 0 AS c016,
                         (annual OR quarterly) AND r.drift AND r.fk = ANY (bad_drift_funksjon) AND r.amt <> 0 AS c020,
                         (annual OR quarterly) AND r.drift AND r.art_sektor = ANY (bad_drift_art) AND r.amt <> 0 AS c025,
                         (annual OR quarterly) AND r.drift AND r.art_sektor = ANY (odd_drift_art) AND r.amt <> 0 AS c030,
                         (annual OR quarterly) AND r.drift AND r.amt <> 0 AND r.art_sektor IN ('520', '920') AND r.funksjon_kapittel NOT IN ('281 ', '325 ', '701 ') AS c035,
                         (annual OR quarterly) AND r.inv AND r.fk = ANY (bad_inv_funksjon) AND r.amt <> 0 AS c040,
                         (annual OR quarterly) AND r.inv AND r.fk = ANY (odd_inv_funksjon) AND r.amt <> 0 AS c045,
                         (annual OR quarterly) AND r.inv AND r.art_sektor = ANY (bad_inv_art) AND r.amt <> 0 AS c050,
                         (annual OR quarterly) AND r.inv AND r.art_sektor = ANY (odd_inv_art) AND r.amt <> 0 AS c055,
                         (annual OR quarterly) AND r.inv AND r.art_sektor = '729' AND r.fk <> '841' AND r.amt <> 0 AS c060,
                         (annual OR quarterly) AND r.bev AND r.amt <> 0 AND (r.fk = '899') <> (r.art_sektor IN ('589', '980', '989')) AS c065,
                         (annual OR quarterly) AND r.bev AND r.fk <> '880' AND r.art_sektor = '530' AND r.amt <> 0 AS c070,
                         (annual OR quarterly) AND r.bev AND r.kommune AND r.art_sektor IN ('870', '871', '872', '873', '876', '878', '879') AND r.fk <> '800' AND r.amt <> 0 AS c075,
                         (annual OR quarterly) AND r.bev AND r.art_sektor = '800' AND r.fk <> '840' AND r.amt <> 0 AS c080,
                         (annual OR quarterly) AND r.bev AND NOT r.fylke AND r.amt <> 0 AND r.fk = '850' AND r.art_sektor NOT IN ('450', '810', '850') AS c081
                  FROM r) x
            WHERE c003 OR c004 OR c005 OR c006 OR c007 OR c008 OR c009 OR c010 OR
                  c010_utgatt OR c011 OR c012 OR c013 OR c014 OR c016 OR c020 OR c025 OR
                  c030 OR c035 OR c040 OR c045 OR c050 OR c055 OR c060 OR c065 OR
                  c070 OR c075 OR c080 OR c081),
        -- the sums (085-190) in one reading of the records: each control's
        -- sums over the records it concerns, and how many there are
        t AS (
            SELECT coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.reg AND r.inv) AND r.anum BETWEEN 10 AND 599), 0) AS s085_utgift,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.reg AND r.inv) AS s085_n,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.reg AND r.inv) AND r.anum BETWEEN 600 AND 999), 0) AS s090_inntekt,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.reg AND r.inv) AS s090_n,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.inv) AND r.anum BETWEEN 10 AND 599), 0) AS s095_utgift,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.inv) AND r.anum NOT BETWEEN 10 AND 599), 0) AS s095_inntekt,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.inv) AS s095_n,
                   coalesce(sum(r.amt) FILTER (WHERE ((annual OR quarterly) AND NOT r.bydel AND r.drift) AND r.anum BETWEEN 10 AND 599), 0) AS s100_utgift,
                   count(*) FILTER (WHERE (annual OR quarterly) AND NOT r.bydel AND r.drift) AS s100_n,
                   coalesce(sum(r.amt) FILTER (WHERE ((annual OR quarterly) AND NOT r.bydel AND r.reg AND r.drift) AND r.anum BETWEEN 600 AND 999), 0) AS s105_inntekt,
                   count(*) FILTER (WHERE (annual OR quarterly) AND NOT r.bydel AND r.reg AND r.drift) AS s105_n,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.drift) AND r.anum BETWEEN 10 AND 599), 0) AS s110_utgift,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.drift) AND r.anum NOT BETWEEN 10 AND 599), 0) AS s110_inntekt,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.drift) AS s110_n,
                   sum(r.amt) FILTER (WHERE annual AND r.bal AND r.fnum BETWEEN 10 AND 29) AS s115_aktiva,
                   count(*) FILTER (WHERE annual AND r.bal AND r.fnum BETWEEN 10 AND 29) AS s115_n,
                   sum(r.amt) FILTER (WHERE annual AND r.bal AND r.fnum BETWEEN 31 AND 5999) AS s120_passiva,
                   count(*) FILTER (WHERE annual AND r.bal AND r.fnum BETWEEN 31 AND 5999) AS s120_n,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND r.bal) AND r.fnum BETWEEN 10 AND 29), 0) AS s125_aktiva,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND r.bal) AND r.fnum BETWEEN 31 AND 5999), 0) AS s125_passiva,
                   count(*) FILTER (WHERE annual AND r.bal) AS s125_n,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND r.bydel AND r.drift) AND r.art_sektor = '298'), 0) AS s126_a298,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND r.bydel AND r.drift) AND r.art_sektor = '798'), 0) AS s126_a798,
                   count(*) FILTER (WHERE annual AND r.bydel AND r.drift) AS s126_n,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND r.bydel AND r.inv) AND r.art_sektor = '298'), 0) AS s127_a298,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND r.bydel AND r.inv) AND r.art_sektor = '798'), 0) AS s127_a798,
                   count(*) FILTER (WHERE annual AND r.bydel AND r.inv) AS s127_n,
                   coalesce(sum(r.amt) FILTER (WHERE ((annual OR quarterly) AND NOT r.bydel AND r.region <> '211100' AND r.reg AND r.drift) AND r.fk = '800' AND r.art_sektor = '870'), 0) AS s130_skatt,
                   count(*) FILTER (WHERE (annual OR quarterly) AND NOT r.bydel AND r.region <> '211100' AND r.reg AND r.drift) AS s130_n,
                   coalesce(sum(r.amt) FILTER (WHERE ((annual OR quarterly) AND NOT r.bydel AND r.region NOT IN ('211100', '501400') AND r.reg AND r.drift) AND r.fk = '840' AND r.art_sektor = '800'), 0) AS s135_ramme,
                   count(*) FILTER (WHERE (annual OR quarterly) AND NOT r.bydel AND r.region NOT IN ('211100', '501400') AND r.reg AND r.drift) AS s135_n,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.bev) AND r.drift AND r.art_sektor = '570'), 0) AS s140_drift,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.bev) AND NOT r.drift AND r.art_sektor = '970'), 0) AS s140_inv,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.bev) AS s140_n,
                   sum(r.amt) FILTER (WHERE annual AND NOT r.bydel AND r.drift AND r.fk = '860' AND r.art_sektor = '990') AS s145_motpost,
                   (array_agg(r.reg ORDER BY r.line) FILTER (WHERE annual AND NOT r.bydel AND r.drift AND r.fk = '860' AND r.art_sektor = '990'))[1] AS s145_reg,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.drift AND r.fk = '860' AND r.art_sektor = '990') AS s145_n,
                   sum(r.amt) FILTER (WHERE annual AND NOT r.bydel AND r.drift AND r.fnum BETWEEN 100 AND 799 AND r.art_sektor = '590') AS s150_avskr,
                   (array_agg(r.reg ORDER BY r.line) FILTER (WHERE annual AND NOT r.bydel AND r.drift AND r.fnum BETWEEN 100 AND 799 AND r.art_sektor = '590'))[1] AS s150_reg,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.drift AND r.fnum BETWEEN 100 AND 799 AND r.art_sektor = '590') AS s150_n,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.drift) AND r.fnum BETWEEN 100 AND 799 AND r.art_sektor = '590'), 0) AS s155_avskr,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND NOT r.bydel AND r.drift) AND r.fk = '860' AND r.art_sektor = '990'), 0) AS s155_motpost,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.drift) AS s155_n,
                   sum(r.amt) FILTER (WHERE annual AND NOT r.bydel AND r.drift AND r.fnum BETWEEN 800 AND 899 AND r.art_sektor = '590') AS s160_avskr,
                   string_agg(r.fk, ', ' ORDER BY r.line) FILTER (WHERE annual AND NOT r.bydel AND r.drift AND r.fnum BETWEEN 800 AND 899 AND r.art_sektor = '590') AS s160_funksjoner,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.drift AND r.fnum BETWEEN 800 AND 899 AND r.art_sektor = '590') AS s160_n,
                   sum(r.amt) FILTER (WHERE annual AND NOT r.bydel AND r.kommune AND r.inv AND r.fk = '290') AS s170_total,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.kommune AND r.inv AND r.fk = '290') AS s170_n,
                   sum(r.amt) FILTER (WHERE annual AND NOT r.bydel AND r.kommune AND r.drift AND r.fk = '290') AS s175_total,
                   count(*) FILTER (WHERE annual AND NOT r.bydel AND r.kommune AND r.drift AND r.fk = '290') AS s175_n,
                   sum(r.amt) FILTER (WHERE annual AND r.fylke AND r.inv AND r.fk = '465') AS s180_total,
                   count(*) FILTER (WHERE annual AND r.fylke AND r.inv AND r.fk = '465') AS s180_n,
                   sum(r.amt) FILTER (WHERE annual AND r.fylke AND r.drift AND r.fk = '465') AS s185_total,
                   count(*) FILTER (WHERE annual AND r.fylke AND r.drift AND r.fk = '465') AS s185_n,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND r.bal) AND r.fnum BETWEEN 9100 AND 9998), 0) AS s190_memoria,
                   coalesce(sum(r.amt) FILTER (WHERE (annual AND r.bal) AND r.fnum = 9999), 0) AS s190_motpost,
                   count(*) FILTER (WHERE annual AND r.bal) AS s190_n
            FROM r),
        c AS (
            SELECT 3 AS ord, k.line, 'Kontroll 003 : Skjema' AS rule, 'error' AS severity,
                   format('Fant ugyldig skjema ''%s''. Korrigér skjema til ''%s''', k.skjema, kostra_file_check.skjema) AS message, ARRAY[k.line] AS lines
            FROM k WHERE k.c003
            UNION ALL
            SELECT 4, k.line, 'Kontroll 004 : Årgang', 'error',
                   format('Fant ugyldig aargang ''%s''. Korrigér aargang til ''%s''', k.aargang, year), ARRAY[k.line]
            FROM k WHERE k.c004
            UNION ALL
            SELECT 5, k.line, 'Kontroll 005 : Kvartal', 'error',
                   format('Fant ugyldig kvartal ''%s''. Korrigér kvartal til ''%s''', k.kvartal, want_kvartal), ARRAY[k.line]
            FROM k WHERE k.c005
            UNION ALL
            SELECT 6, k.line, 'Kontroll 006 : Region', 'error',
                   format('Fant ugyldig region ''%s''. Korrigér region til ''%s''', k.region, want_region), ARRAY[k.line]
            FROM k WHERE k.c006
            UNION ALL
            SELECT 7, k.line, 'Kontroll 007 : Organisasjonsnummer', 'error',
                   format('Fant ugyldig orgnr ''%s''. Korrigér orgnr til en av ''[%s]''', k.orgnr, replace(want_orgnr, ',', ', ')), ARRAY[k.line]
            FROM k WHERE k.c007
            UNION ALL
            SELECT 8, k.line, 'Kontroll 008 : Foretaksnummer', 'error',
                   format('Fant ugyldig foretaksnummer ''%s''. Korrigér foretaksnummer til ''%s''', k.foretaksnr, want_orgnr), ARRAY[k.line]
            FROM k WHERE k.c008
            UNION ALL
            SELECT 9, k.line, 'Kontroll 009 : Kontoklasse', 'error',
                   format('Fant ugyldig kontoklasse ''%s''. Korrigér kontoklasse til en av ''%s''', k.kontoklasse, array_to_string(klasser, ', ')), ARRAY[k.line]
            FROM k WHERE k.c009
            UNION ALL
            -- 010-013: the code lists, a warning in the first three quarters
            SELECT 10, k.line, 'Kontroll 010 : Funksjon', CASE WHEN k.kvartal IN ('1', '2', '3') THEN 'warning' ELSE 'error' END,
                   format('Fant ugyldig funksjon ''%s''. Korrigér funksjon til en av ''%s''', k.funksjon_kapittel, array_to_string(funksjoner, ', ')), ARRAY[k.line]
            FROM k WHERE k.c010
            UNION ALL
            SELECT 10, k.line, 'Kontroll 010 : Utgått funksjon', 'warning',
                   format('Fant utgått funksjon ''%s'', men godtas midlertidig.', k.funksjon_kapittel), ARRAY[k.line]
            FROM k WHERE k.c010_utgatt
            UNION ALL
            SELECT 11, k.line, 'Kontroll 011 : Kapittel', CASE WHEN k.kvartal IN ('1', '2', '3') THEN 'warning' ELSE 'error' END,
                   format('Fant ugyldig kapittel ''%s''. Korrigér kapittel til en av ''%s''', k.funksjon_kapittel, array_to_string(kapitler, ', ')), ARRAY[k.line]
            FROM k WHERE k.c011
            UNION ALL
            SELECT 12, k.line, 'Kontroll 012 : Art', CASE WHEN k.kvartal IN ('1', '2', '3') THEN 'warning' ELSE 'error' END,
                   format('Fant ugyldig art ''%s''. Korrigér art til en av ''%s''', k.art_sektor, array_to_string(arter, ', ')), ARRAY[k.line]
            FROM k WHERE k.c012
            UNION ALL
            SELECT 13, k.line, 'Kontroll 013 : Sektor', CASE WHEN k.kvartal IN ('1', '2', '3') THEN 'warning' ELSE 'error' END,
                   format('Fant ugyldig sektor ''%s''. Korrigér sektor til en av ''%s''', k.art_sektor, array_to_string(sektorer, ', ')), ARRAY[k.line]
            FROM k WHERE k.c013
            UNION ALL
            SELECT 14, k.line, 'Kontroll 014 : Beløp', 'error',
                   format('Fant ugyldig beløp ''%s''. Korrigér beløp', k.belop), ARRAY[k.line]
            FROM k WHERE k.c014
            UNION ALL
            -- 015: one amount per combination, else a warning (SSB sums them);
            -- the combinations named twice first, then their lines in order
            SELECT 15, min(r.line), 'Kontroll 015 : Dubletter', 'warning',
                   format('Det er oppgitt flere beløp på samme kombinasjon av (%s) med beløpene [%s]. '
                          'Hvis dette er riktig, kan du sende inn filen, og beløpene summeres hos SSB. '
                          'Dersom dette er feil må recordene korrigeres før innsending til SSB.',
                          format(CASE WHEN balance THEN 'Kontoklasse = ''%s'' * Kapittel = ''%s'' * Sektor = ''%s'''
                                      ELSE 'Kontoklasse = ''%s'' * Funksjon = ''%s'' * Art = ''%s''' END,
                                 dup.klasse, dup.fk, dup.art),
                          string_agg(r.belop, ', ' ORDER BY r.line)),
                   array_agg(r.line ORDER BY r.line)
            FROM r
            JOIN (SELECT btrim(d.kontoklasse) AS klasse, d.fk, btrim(d.art_sektor) AS art FROM r d
                  GROUP BY 1, 2, 3 HAVING count(*) > 1) dup
              ON (btrim(r.kontoklasse), r.fk, btrim(r.art_sektor)) = (dup.klasse, dup.fk, dup.art)
            GROUP BY dup.klasse, dup.fk, dup.art
            UNION ALL
            SELECT 16, k.line, 'Kontroll 016 : Kapittel, fortegn', 'error',
                   format('Kapittel 5900 Merforbruk i driftsregnskapet %s og kapittel 5970 Udekket beløp i investeringsregnskapet %s skal bare kunne '
                          'rapporteres som positive tall, altså tall større eller lik 0. Eventuelt mindreforbruk i driftsregnskapet eller udisponert '
                          'i investeringsregnskapet må posteres etter reglene i Forskrift om økonomiplan, årsbudsjett, årsregnskap og årsberetning '
                          'for kommuner og fylkeskommuner mv. , henholdsvis paragrafene 4.3 og 4.6',
                          CASE WHEN k.funksjon_kapittel = '5900' THEN format('(Beløp = %s)', k.belop) ELSE '' END,
                          CASE WHEN k.funksjon_kapittel = '5970' THEN format('(Beløp = %s)', k.belop) ELSE '' END),
                   ARRAY[k.line]
            FROM k WHERE k.c016
            UNION ALL
            -- 020-081: combinations of kontoklasse, function and art, record by record
            SELECT 20, k.line, 'Kontroll 020 : Kombinasjon i driftsregnskapet, kontoklasse og funksjon', early,
                   format('Korrigér ugyldig funksjon ''%s'' i driftsregnskapet til en gyldig funksjon i driftsregnskapet '
                          'eller overfør posteringen til investeringsregnskapet.', k.funksjon_kapittel), ARRAY[k.line]
            FROM k WHERE k.c020
            UNION ALL
            SELECT 25, k.line, 'Kontroll 025 : Kombinasjon i driftsregnskapet, kontoklasse og art', early,
                   format('Korrigér ugyldig art ''%s'' i driftsregnskapet til en gyldig art i driftsregnskapet '
                          'eller overfør posteringen til investeringsregnskapet.', k.art_sektor), ARRAY[k.line]
            FROM k WHERE k.c025
            UNION ALL
            SELECT 30, k.line, 'Kontroll 030 : Kombinasjon i driftsregnskapet, kontoklasse og art', 'info',
                   format('Kun advarsel, hindrer ikke innsending: (''%s'') regnes å være ulogisk art i driftsregnskapet. '
                          'Vennligst vurder å postere på annen art eller om posteringen hører til i investeringsregnskapet.', k.art_sektor), ARRAY[k.line]
            FROM k WHERE k.c030
            UNION ALL
            SELECT 35, k.line, 'Kontroll 035 : Kombinasjon i driftsregnskapet, kontoklasse og art', 'warning',
                   format('Art (%1$s) er kun gyldig i driftsregnskapet mot funksjonene 281,  325 og 701. Artene 520 Utlån og 920 Mottatte avdrag '
                          'på utlån er kun gyldig i driftsregnskapet for funksjonene 281 Mottatte avdrag på sosiale utlån, 325 Næringsutlån og '
                          '701 Tilrettelegging, støttefunksjoner og finansieringsbistand for næringslivet, som har blitt finansiert av driftsinntekter. '
                          'Fant art (%1$s), funksjon (%2$s).', k.art_sektor, k.fk), ARRAY[k.line]
            FROM k WHERE k.c035
            UNION ALL
            SELECT 40, k.line, 'Kontroll 040 : Kombinasjon i investeringsregnskapet, kontoklasse og funksjon', early,
                   format('Korrigér ugyldig funksjon ''%s'' i investeringsregnskapet til en gyldig funksjon i investeringsregnskapet '
                          'eller overfør posteringen til driftsregnskapet.', k.funksjon_kapittel), ARRAY[k.line]
            FROM k WHERE k.c040
            UNION ALL
            SELECT 45, k.line, 'Kontroll 045 : Kombinasjon i investeringsregnskapet, kontoklasse og funksjon', 'info',
                   format('Kun advarsel, hindrer ikke innsending: (%s) regnes å være ulogisk funksjon i investeringsregnskapet. '
                          'Vennligst vurder å postere på annen funksjon eller om posteringen hører til i driftsregnskapet.', k.funksjon_kapittel), ARRAY[k.line]
            FROM k WHERE k.c045
            UNION ALL
            SELECT 50, k.line, 'Kontroll 050 : Ugyldig kombinasjon i investeringsregnskapet, kontoklasse og art', early,
                   format('Korrigér ugyldig art ''%s'' i investeringsregnskapet til en gyldig art i investeringsregnskapet '
                          'eller overfør posteringen til driftsregnskapet.', k.art_sektor), ARRAY[k.line]
            FROM k WHERE k.c050
            UNION ALL
            SELECT 55, k.line, 'Kontroll 055 : Ugyldig kombinasjon i investeringsregnskapet, kontoklasse og art', 'info',
                   format('Kun advarsel, hindrer ikke innsending: (%s) regnes å være ulogisk art i investeringsregnskapet. '
                          'Vennligst vurder å postere på annen art eller om posteringen hører til i driftsregnskapet.', k.art_sektor), ARRAY[k.line]
            FROM k WHERE k.c055
            UNION ALL
            SELECT 60, k.line, 'Kontroll 060 : Ugyldig kombinasjon i investeringsregnskapet, kontoklasse, funksjon og art', early,
                   'Korrigér til riktig kombinasjon av kontoklasse, funksjon og art. Art 729 er kun gyldig i kombinasjon med funksjon 841 i investeringsregnskapet.',
                   ARRAY[k.line]
            FROM k WHERE k.c060
            UNION ALL
            SELECT 65, k.line, 'Kontroll 065 : Ugyldig kombinasjon i bevilgningsregnskapet, funksjon og art', early,
                   'Artene 589, 980 og 989 er kun tillat brukt i kombinasjon med funksjon 899. '
                   'Og motsatt, funksjon 899 er kun tillat brukt i kombinasjon med artene 589, 980 og 989.', ARRAY[k.line]
            FROM k WHERE k.c065
            UNION ALL
            SELECT 70, k.line, 'Kontroll 070 : Ugyldig kombinasjon i bevilgningsregnskapet, funksjon og art', early,
                   'Art 530 er kun tillat brukt i kombinasjon med funksjon 880', ARRAY[k.line]
            FROM k WHERE k.c070
            UNION ALL
            SELECT 75, k.line, 'Kontroll 075 : Ugyldig kombinasjon i bevilgningsregnskapet, funksjon og art', early,
                   'Artene 870, 871, 872, 873, 876, 878, 879 er kun tillat brukt i kombinasjon med funksjon 800.', ARRAY[k.line]
            FROM k WHERE k.c075
            UNION ALL
            SELECT 80, k.line, 'Kontroll 080 : Ugyldig kombinasjon i bevilgningsregnskapet, funksjon og art', early,
                   'Art 800 er kun tillat brukt i kombinasjon med funksjon 840.', ARRAY[k.line]
            FROM k WHERE k.c080
            UNION ALL
            SELECT 81, k.line, 'Kontroll 081 : Ulogisk kombinasjon i bevilgningsregnskapet, funksjon og art',
                   CASE WHEN want_kvartal IN ('3', '4') THEN 'error' ELSE 'warning' END,
                   'Det er kun artene 450, 810 og 850 som er logiske i kombinasjon med funksjon 850. '
                   'Andre arter er ulogiske i kombinasjon med funksjon 850.', ARRAY[k.line]
            FROM k WHERE k.c081
            UNION ALL
            -- 085-190: the file's sums, each over the records it concerns (when there are any)
            SELECT 85, NULL, 'Kontroll 085 : Summeringskontroller investeringsregnskapet, utgiftsposteringer i investeringsregnskapet', 'error',
                   format('Korrigér slik at fila inneholder utgiftsposteringene (%s) i investeringsregnskapet', s.utgift), '{}'
            FROM (SELECT t.s085_utgift AS utgift FROM t WHERE t.s085_n > 0) s
            WHERE NOT s.utgift > 0
            UNION ALL
            SELECT 90, NULL, 'Kontroll 090 : Summeringskontroller investeringsregnskapet, inntektsposteringer i investeringsregnskapet', 'error',
                   format('Korrigér slik at fila inneholder inntektsposteringene (%s) i investeringsregnskapet', s.inntekt), '{}'
            FROM (SELECT t.s090_inntekt AS inntekt FROM t WHERE t.s090_n > 0) s
            WHERE NOT s.inntekt < 0
            UNION ALL
            SELECT 95, NULL, 'Kontroll 095 : Summeringskontroller investeringsregnskapet, differanse i investeringsregnskapet', 'error',
                   format('Korrigér differansen (%s) mellom inntekter (%s) og utgifter (%s) i investeringsregnskapet (margin på +/- 30'')',
                          s.utgift + s.inntekt, s.inntekt, s.utgift), '{}'
            FROM (SELECT t.s095_utgift AS utgift, t.s095_inntekt AS inntekt FROM t WHERE t.s095_n > 0) s
            WHERE s.utgift + s.inntekt NOT BETWEEN -30 AND 30
            UNION ALL
            SELECT 100, NULL, 'Kontroll 100 : Summeringskontroller driftsregnskapet, utgiftsposteringer i driftsregnskapet', yearly,
                   format('Korrigér slik at fila inneholder utgiftsposteringene (%s) i driftsregnskapet', s.utgift), '{}'
            FROM (SELECT t.s100_utgift AS utgift FROM t WHERE t.s100_n > 0) s
            WHERE NOT s.utgift > 0
            UNION ALL
            SELECT 105, NULL, 'Kontroll 105 : Summeringskontroller driftsregnskapet, inntektsposteringer i driftsregnskapet', yearly,
                   format('Korrigér slik at fila inneholder inntektsposteringene (%s) i driftsregnskapet', s.inntekt), '{}'
            FROM (SELECT t.s105_inntekt AS inntekt FROM t WHERE t.s105_n > 0) s
            WHERE NOT s.inntekt < 0
            UNION ALL
            SELECT 110, NULL, 'Kontroll 110 : Summeringskontroller driftsregnskapet, differanse i driftsregnskapet', 'error',
                   format('Korrigér differansen (%s) mellom inntekter (%s) og utgifter (%s) i driftsregnskapet (margin på +/- 30'')',
                          s.utgift + s.inntekt, s.inntekt, s.utgift), '{}'
            FROM (SELECT t.s110_utgift AS utgift, t.s110_inntekt AS inntekt FROM t WHERE t.s110_n > 0) s
            WHERE NOT (s.utgift > 0 AND s.inntekt < 0 AND s.utgift + s.inntekt BETWEEN -30 AND 30)
            UNION ALL
            SELECT 115, NULL, 'Kontroll 115 : Summeringskontroller balanseregnskap, registrering av aktiva', 'error',
                   format('Korrigér slik at fila inneholder registrering av aktiva/eiendeler (%s), sum kapittel 10-29 i balanse.', s.aktiva), '{}'
            FROM (SELECT t.s115_aktiva AS aktiva FROM t WHERE t.s115_n > 0) s
            WHERE NOT s.aktiva > 0
            UNION ALL
            SELECT 120, NULL, 'Kontroll 120 : Summeringskontroller balanseregnskap, registrering av passiva', 'error',
                   format('Korrigér slik at fila inneholder registrering av passiva/gjeld og egenkapital (%s), sum kapittel 31-5990 i balanse.', s.passiva), '{}'
            FROM (SELECT t.s120_passiva AS passiva FROM t WHERE t.s120_n > 0) s
            WHERE NOT s.passiva < 0
            UNION ALL
            SELECT 125, NULL, 'Kontroll 125 : Summeringskontroller balanseregnskapet, differanse i balanseregnskapet', 'error',
                   format('Korrigér differansen (%s) mellom eiendeler (%s) og gjeld og egenkapital (%s) i fila (Differanser opptil ±10'' godtas)',
                          s.aktiva + s.passiva, s.aktiva, s.passiva), '{}'
            FROM (SELECT t.s125_aktiva AS aktiva, t.s125_passiva AS passiva FROM t WHERE t.s125_n > 0) s
            WHERE NOT (s.aktiva > 0 AND s.passiva < 0 AND s.aktiva + s.passiva BETWEEN -10 AND 10)
            UNION ALL
            SELECT 126, NULL, 'Kontroll 126 : Summeringskontroller driftsregnskapet for de Oslointerne artene 298 og 798, differanse i driftsregnskapet', 'warning',
                   format('Korrigér differansen (%s) mellom sum over alle funksjoner for art 298 (%s) og sum over alle funksjoner for art 798 (%s) i driftsregnskapet.',
                          s.a298 + s.a798, s.a298, s.a798), '{}'
            FROM (SELECT t.s126_a298 AS a298, t.s126_a798 AS a798 FROM t WHERE t.s126_n > 0) s
            WHERE s.a298 + s.a798 NOT BETWEEN -10 AND 10
            UNION ALL
            SELECT 127, NULL, 'Kontroll 127 : Summeringskontroller investeringsregnskapet for de Oslointerne artene 298 og 798, differanse i investeringsregnskapet', 'warning',
                   format('Korrigér differansen (%s) mellom sum over alle funksjoner for art 298 (%s) og sum over alle funksjoner for art 798 (%s) i investeringsregnskapet.',
                          s.a298 + s.a798, s.a298, s.a798), '{}'
            FROM (SELECT t.s127_a298 AS a298, t.s127_a798 AS a798 FROM t WHERE t.s127_n > 0) s
            WHERE s.a298 + s.a798 NOT BETWEEN -10 AND 10
            UNION ALL
            SELECT 130, NULL, 'Kontroll 130 : Skatteinntekter', yearly,
                   format('Korrigér slik at fila inneholder skatteinntekter (%s).', s.skatt), '{}'
            FROM (SELECT t.s130_skatt AS skatt FROM t WHERE t.s130_n > 0) s
            WHERE NOT s.skatt < 0
            UNION ALL
            SELECT 135, NULL, 'Kontroll 135 : Rammetilskudd', yearly,
                   format('Korrigér slik at fila inneholder rammetilskudd (%s).', s.ramme), '{}'
            FROM (SELECT t.s135_ramme AS ramme FROM t WHERE t.s135_n > 0) s
            WHERE NOT s.ramme < 0
            UNION ALL
            SELECT 140, NULL, 'Kontroll 140 : Overføring mellom drifts- og investeringsregnskap', 'error',
                   format('Korrigér i fila slik at differansen (%s) i overføringer mellom drifts- (%s) og investeringsregnskapet (%s) stemmer overens (margin på +/- 30'')',
                          s.drift + s.inv, s.drift, s.inv), '{}'
            FROM (SELECT t.s140_drift AS drift, t.s140_inv AS inv FROM t WHERE t.s140_n > 0) s
            WHERE s.drift + s.inv NOT BETWEEN -30 AND 30
            UNION ALL
            SELECT 145, NULL, 'Kontroll 145 : Avskrivninger, motpost avskrivninger', CASE WHEN s.reg THEN 'error' ELSE 'info' END,
                   format('Korrigér i fila slik at den inneholder motpost avskrivninger (%s), føres på funksjon 860 og art 990.', s.motpost), '{}'
            FROM (SELECT t.s145_motpost AS motpost, t.s145_reg AS reg FROM t WHERE t.s145_n > 0) s
            WHERE s.motpost = 0
            UNION ALL
            SELECT 150, NULL, 'Kontroll 150 : Avskrivninger, avskrivninger', CASE WHEN s.reg THEN 'error' ELSE 'info' END,
                   format('Korrigér i fila slik at den inneholder avskrivninger (%s), føres på tjenestefunksjon og art 590.', s.avskr), '{}'
            FROM (SELECT t.s150_avskr AS avskr, t.s150_reg AS reg FROM t WHERE t.s150_n > 0) s
            WHERE s.avskr = 0
            UNION ALL
            SELECT 155, NULL, 'Kontroll 155 : Avskrivninger, differanse', 'error',
                   format('Korrigér i fila slik at avskrivninger (%s) stemmer overens med motpost avskrivninger (%s) (margin på +/- 30'')',
                          s.avskr, s.motpost), '{}'
            FROM (SELECT t.s155_avskr AS avskr, t.s155_motpost AS motpost FROM t WHERE t.s155_n > 0) s
            WHERE s.avskr + s.motpost NOT BETWEEN -30 AND 30
            UNION ALL
            SELECT 160, NULL, 'Kontroll 160 : Avskrivninger, avskrivninger ført på andre funksjoner', 'error',
                   format('Korrigér i fila slik at avskrivningene (%s) føres på tjenestefunksjon og ikke på funksjonene ([%s])', s.avskr, s.funksjoner), '{}'
            FROM (SELECT t.s160_avskr AS avskr, t.s160_funksjoner AS funksjoner FROM t WHERE t.s160_n > 0) s
            WHERE s.avskr <> 0
            UNION ALL
            SELECT 165, NULL, 'Kontroll 165 : Avskrivninger, motpost avskrivninger ført på andre funksjoner', 'error',
                   format('Korrigér i fila slik at motpost avskrivninger (%s) kun er ført på funksjon 860, art 990 og ikke på funksjonene ([%s])',
                          s.motpost, s.funksjoner), '{}'
            FROM (SELECT sum(d.amt) AS motpost, string_agg(d.fk, ', ' ORDER BY d.first) FILTER (WHERE d.first IS NOT NULL) AS funksjoner
                  FROM (SELECT r.amt, r.fk, CASE WHEN row_number() OVER (PARTITION BY r.fk ORDER BY r.line) = 1 THEN r.line END AS first
                        FROM r WHERE annual AND NOT r.bydel AND r.drift AND r.fk <> '860' AND r.art_sektor = '990' AND r.amt <> 0) d
                  HAVING count(*) > 0) s
            WHERE s.motpost <> 0
            UNION ALL
            SELECT 170, NULL, 'Kontroll 170 : Funksjon 290, investeringsregnskapet', 'error',
                   format('Korrigér i fila slik at differanse (%s) på funksjon 290 interkommunale samarbeid går i 0 i investeringsregnskapet . (margin på +/- 30'')',
                          s.total), '{}'
            FROM (SELECT t.s170_total AS total FROM t WHERE t.s170_n > 0) s
            WHERE s.total NOT BETWEEN -30 AND 30
            UNION ALL
            SELECT 175, NULL, 'Kontroll 175 : Funksjon 290, driftsregnskapet', 'error',
                   format('Korrigér i fila slik at differanse (%s) på funksjon 290 interkommunale samarbeid går i 0 i driftsregnskapet. (margin på +/- 30'')',
                          s.total), '{}'
            FROM (SELECT t.s175_total AS total FROM t WHERE t.s175_n > 0) s
            WHERE s.total NOT BETWEEN -30 AND 30
            UNION ALL
            SELECT 180, NULL, 'Kontroll 180 : Funksjon 465, investeringsregnskapet', 'error',
                   format('Korrigér i fila slik at differanse (%s) på funksjon 465 Interfylkeskommunale samarbeid (§§ 27/28a-samarbeid) går i 0 i investeringsregnskapet. (margin på +/- 30'')',
                          s.total), '{}'
            FROM (SELECT t.s180_total AS total FROM t WHERE t.s180_n > 0) s
            WHERE s.total NOT BETWEEN -30 AND 30
            UNION ALL
            SELECT 185, NULL, 'Kontroll 185 : Funksjon 465, driftsregnskapet', 'error',
                   format('Korrigér i fila slik at differanse (%s) på funksjon 465 Interfylkeskommunale samarbeid (§§ 27/28a-samarbeid) går i 0 i driftsregnskapet. (margin på +/- 30'')',
                          s.total), '{}'
            FROM (SELECT t.s185_total AS total FROM t WHERE t.s185_n > 0) s
            WHERE s.total NOT BETWEEN -30 AND 30
            UNION ALL
            SELECT 190, NULL, 'Kontroll 190 : Memoriakonti', 'error',
                   format('Korrigér i fila slik at differansen (%s) mellom memoriakontiene (%s) og motkonto for memoriakontiene (%s) går i 0. (margin på +/- 10'')',
                          s.memoria + s.motpost, s.memoria, s.motpost), '{}'
            FROM (SELECT t.s190_memoria AS memoria, t.s190_motpost AS motpost FROM t WHERE t.s190_n > 0) s
            WHERE s.memoria + s.motpost NOT BETWEEN -10 AND 10)
        SELECT c.rule, c.severity, c.message, c.lines
        FROM c
        ORDER BY c.ord, c.line NULLS LAST;
END $fn$;
COMMENT ON FUNCTION @extschema@.kostra_file_check(text, text, integer, text, text, text) IS
    'the controls of Statistics Norway''s control program on a KOSTRA accounts file (skjema 0A-0D, 0I-0N, 0P, 0Q and the quarters 0AK1-0DK4): 001 record length (fatal), 003-016 the fields, code lists, duplicates and signs, 020-081 combinations of kontoklasse, function and art, 085-190 the sums; one row per finding with the program''s rule, severity (fatal, error, warning, info), message and lines';
