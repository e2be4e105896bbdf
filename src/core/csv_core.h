/*
 * csv_core.h - CSV text (RFC 4180, as statistics agencies and R's write.csv
 * produce it) split into records and fields. Plain C: no server headers.
 */
#ifndef STYRING_CSV_CORE_H
#define STYRING_CSV_CORE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum CsvError
{
	CSV_OK = 0,
	CSV_UNTERMINATED_QUOTE,		/* a quoted field runs to the end of the text */
	CSV_TEXT_AFTER_QUOTE		/* "abc"x: text between a closing quote and , or newline */
} CsvError;

typedef struct CsvReader
{
	const char *text;
	size_t		len;
	size_t		pos;			/* next byte to read */
	int			line;			/* 1-based line of pos, for errors */
	size_t		error_pos;		/* byte where an error was found */
	char		delimiter;		/* between fields: ',' unless the caller sets another */
} CsvReader;

/*
 * Starts reading text[0..len), skipping a UTF-8 byte order mark, with ',' as
 * the delimiter (set r->delimiter afterwards for another: ';' as Norwegian
 * spreadsheets write; never '"', CR or LF).
 */
extern void csv_reader_init(CsvReader *r, const char *text, size_t len);

/* True while records remain (a final newline ends no extra record). */
extern bool csv_has_record(const CsvReader *r);

/*
 * Reads the next field of the current record into out (at least len + 1
 * bytes; NUL-terminated, its length in *outlen), and sets *last when it ended
 * the record. Returns CSV_OK or the error, with r->error_pos set. With out
 * NULL the field is only measured (*outlen), so that a caller can size a
 * record before it copies it: save the reader, measure, restore, read.
 */
extern CsvError csv_read_field(CsvReader *r, char *out, size_t *outlen, bool *last);

#endif
