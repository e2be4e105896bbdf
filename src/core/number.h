/*
 * number.h - decimal numbers in text, shared by every styring parser.
 * Plain C: no server headers.
 */
#ifndef STYRING_NUMBER_H
#define STYRING_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

#include "scan.h"

typedef enum NumberScan
{
	NUMBER_OK = 0,
	NUMBER_SYNTAX,				/* not a decimal number */
	NUMBER_RANGE,				/* overflows (or underflows to 0 from) a double */
	NUMBER_NOT_FINITE			/* "NaN", "inf", "Infinity", with a sign or not */
} NumberScan;

/* Longest output of format_double_shortest, with its NUL. */
#define DOUBLE_TEXT_MAX 32

/*
 * Scans [+-] digits [. digits] [e [+-] digits] at p. Only decimal forms:
 * never hexadecimal, "inf" or "nan" (those give NUMBER_NOT_FINITE).
 */
extern NumberScan scan_double(const char *p, double *out, const char **end);

/* The shortest decimal text that reads back to exactly x; returns length. */
extern size_t format_double_shortest(double x, char *buf, size_t buflen);

/* The same text by trying 1..17 digits: the slow reference, for tests. */
extern size_t format_double_by_search(double x, char *buf, size_t buflen);

#endif
