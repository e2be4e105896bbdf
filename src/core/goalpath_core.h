/*
 * goalpath_core.h - goal chains (målkjede, målkedja): a goal's place as a path
 * of labels, e.g. bolig_for_velferd.barnefamilier.mål_2.drammen. Plain C.
 *
 * Text form: labels separated by '.'. A label is 1 to GOALPATH_MAX_LABEL
 * bytes of UTF-8 made of letters and digits of any script (Unicode L*, M*
 * and Nd, so æ ø å ä ö work), '_' and '-'. At most GOALPATH_MAX_DEPTH labels.
 *
 * Internal form: the labels' UTF-8 bytes separated by a 0x00 byte. No label
 * byte is below '-' (0x2D), so comparing two internal forms byte by byte
 * (shorter first on a tie) orders paths as a tree - a parent right before its
 * descendants, siblings by code point - and the descendants of P are exactly
 * the paths from P up to (not including) P followed by '-', the smallest
 * label byte: P's last label with a '-' appended is the first valid path
 * after P's subtree, so the bound prints and reads back like any path.
 */
#ifndef STYRING_GOALPATH_CORE_H
#define STYRING_GOALPATH_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scan.h"

#define GOALPATH_FORMAT_VERSION 1
#define GOALPATH_MAX_LABEL 255		/* bytes of UTF-8 in one label */
#define GOALPATH_MAX_DEPTH 255		/* labels in one path */
#define GOALPATH_SEP 0x00			/* between labels, internally */
#define GOALPATH_AFTER_SUBTREE '-'	/* P + this byte follows every descendant of P */

typedef enum GoalpathError
{
	GOALPATH_OK = 0,
	GOALPATH_ERR_EMPTY,			/* no labels at all (22P02) */
	GOALPATH_ERR_EMPTY_LABEL,	/* "a..b", ".a", "a." (22P02) */
	GOALPATH_ERR_BAD_CHAR,		/* a character not allowed in a label (22P02) */
	GOALPATH_ERR_BAD_UTF8,		/* invalid UTF-8 (22021) */
	GOALPATH_ERR_LABEL_TOO_LONG,	/* (54000) */
	GOALPATH_ERR_TOO_DEEP,		/* (54000) */
	GOALPATH_ERR_BINARY			/* unknown binary version (22P03) */
} GoalpathError;

/* Is this code point allowed in a label? */
extern bool goalpath_label_char(uint32_t cp);

/*
 * Parses len bytes of UTF-8 text (surrounding spaces allowed) into the
 * internal form; out has room for len bytes. Sets *outlen and *nlevels.
 */
extern GoalpathError goalpath_parse(const char *text, size_t len, uint8_t *out,
									size_t *outlen, int *nlevels, ScanError *err);

/* Text form of an internal form into out (room for len + 1 bytes). */
extern void goalpath_format(const uint8_t *data, size_t len, char *out);

extern int	goalpath_compare(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen);

/* a is b or an ancestor of b. */
extern bool goalpath_is_prefix(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen);

extern int	goalpath_count_levels(const uint8_t *data, size_t len);

/* Byte length of the first k labels (with the separators between them). */
extern size_t goalpath_prefix_len(const uint8_t *data, size_t len, int k);

/* Byte offset of label i (0-based) and its length; false if there is none. */
extern bool goalpath_label_at(const uint8_t *data, size_t len, int i, size_t *start,
							  size_t *label_len);

/* Byte length of the longest common ancestor (0 when none). */
extern size_t goalpath_common_len(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen);

/* Binary form: a version byte, then the text form. */
extern GoalpathError goalpath_decode(const uint8_t *buf, size_t len, uint8_t *out,
									 size_t *outlen, int *nlevels, ScanError *err);

#endif
