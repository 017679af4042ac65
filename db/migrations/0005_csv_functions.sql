-- CSV cells formatted in the database, for exports of millions of rows (see
-- server/platform/exports/csv-sql.ts): the same rules as cellText() + quote() in csv.ts.
-- A text cell starting with = + - @ tab or CR gets a leading apostrophe (formula injection),
-- then RFC 4180 quoting when it holds a comma, a quote or a line break; NULL is empty.
CREATE OR REPLACE FUNCTION dihya_csv_quote(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN v ~ '[",\r\n]' THEN '"' || replace(v, '"', '""') || '"' ELSE v END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dihya_csv_text(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(dihya_csv_quote(CASE WHEN v ~ '^[-=+@\t\r]' THEN '''' || v ELSE v END), '') $$;
