/*
 * scan.h - what every text parser and binary codec of src/core shares:
 * white space, digits, keywords, error positions, and big-endian numbers.
 * Plain C: no server headers.
 */
#ifndef STYRING_SCAN_H
#define STYRING_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Characters (not bytes) of UTF-8 text from start up to at: error positions. */
extern int	utf8_char_offset(const char *start, const char *at);

/*
 * Where a parse failed, and what the caller's error report names: what the
 * parser wanted there, or the offending character or word.
 */
typedef struct ScanError
{
	int			position;		/* 0-based character offset into the input */
	const char *expected;		/* e.g. "a number", "\"by\", \"from\" or end"; or NULL */
	uint32_t	codepoint;		/* an offending character, or 0 */
	size_t		word_start;		/* byte offset and length of an offending word */
	size_t		word_len;
} ScanError;

/* Records a failure at character position (err may be NULL). */
static inline void
scan_error_at(ScanError *err, int position, const char *expected)
{
	if (err)
	{
		memset(err, 0, sizeof(*err));
		err->position = position;
		err->expected = expected;
	}
}

/* The same, at byte `at` of text that starts at `start`. */
#define scan_error_here(err, start, at, expected) \
	scan_error_at((err), (err) ? utf8_char_offset((start), (at)) : 0, (expected))

/* White space as PostgreSQL's parsers take it: space, \t, \n, \r, \f, \v. */
static inline bool
scan_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline bool
scan_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* An ASCII letter. */
static inline bool
scan_is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline const char *
scan_skip_space(const char *p)
{
	while (scan_is_space(*p))
		p++;
	return p;
}

/*
 * Whether p starts with the lower-case word kw, in any case, and not as the
 * start of a longer word (a letter, digit or '_' after it). *end (if not
 * NULL) is set after the word.
 */
extern bool scan_keyword(const char *p, const char *kw, const char **end);

/* ---------- big-endian numbers (network byte order: the binary forms) ---------- */

static inline void
put_be32(uint8_t *buf, uint32_t v)
{
	for (int k = 0; k < 4; k++)
		buf[k] = (uint8_t) (v >> (24 - 8 * k));
}

static inline void
put_be64(uint8_t *buf, uint64_t v)
{
	put_be32(buf, (uint32_t) (v >> 32));
	put_be32(buf + 4, (uint32_t) v);
}

static inline void
put_be_double(uint8_t *buf, double d)
{
	uint64_t	v;

	memcpy(&v, &d, sizeof(v));
	put_be64(buf, v);
}

static inline uint32_t
get_be32(const uint8_t *buf)
{
	uint32_t	v = 0;

	for (int k = 0; k < 4; k++)
		v = (v << 8) | buf[k];
	return v;
}

static inline uint64_t
get_be64(const uint8_t *buf)
{
	return ((uint64_t) get_be32(buf) << 32) | get_be32(buf + 4);
}

static inline double
get_be_double(const uint8_t *buf)
{
	uint64_t	v = get_be64(buf);
	double		d;

	memcpy(&d, &v, sizeof(d));
	return d;
}

#endif
