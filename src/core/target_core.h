/*
 * target_core.h - targets (resultatmål) and attainment (måloppnåelse), plain C.
 *
 * No server headers here: the parser, printer, binary codec and the attainment
 * formulas are pure functions, so fuzz/ and unit tests link them directly.
 * The rules are those of doc/target.md, "Attainment".
 */
#ifndef STYRING_TARGET_CORE_H
#define STYRING_TARGET_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scan.h"

#define TARGET_FORMAT_VERSION 1

typedef enum TargetOp
{
	TARGET_OP_GE = 1,			/* >= : higher is better, reach at least */
	TARGET_OP_LE = 2,			/* <= : lower is better, reach at most */
	TARGET_OP_EQ = 3			/* =  : hit a value, within a tolerance */
} TargetOp;

#define TARGET_HAS_TOLERANCE		0x01
#define TARGET_HAS_YEAR				0x02
#define TARGET_HAS_BASELINE			0x04
#define TARGET_HAS_BASELINE_YEAR	0x08
#define TARGET_KNOWN_FLAGS			0x0F

/*
 * The on-disk form of styring.target: fixed length (40 bytes), double aligned.
 * Fields that a flag marks absent are zero, and so are the reserved bytes, so
 * two equal targets are equal byte for byte.
 */
typedef struct StyringTarget
{
	double		value;			/* T */
	double		tolerance;		/* only with '=' */
	double		baseline;		/* B */
	int32_t		year;			/* target year */
	int32_t		baseline_year;
	uint8_t		version;		/* TARGET_FORMAT_VERSION */
	uint8_t		op;				/* TargetOp */
	uint8_t		flags;			/* TARGET_HAS_* */
	uint8_t		reserved[5];
} StyringTarget;

#define TARGET_MIN_YEAR 1
#define TARGET_MAX_YEAR 9999

/* Longest text form: three 24-char numbers, two years and the words. */
#define TARGET_TEXT_MAX 128
/* Longest binary form: 3 header bytes, 3 doubles, 2 int32. */
#define TARGET_BINARY_MAX (3 + 3 * 8 + 2 * 4)

typedef enum TargetError
{
	TARGET_OK = 0,
	TARGET_ERR_SYNTAX,			/* unparsable text (22P02) */
	TARGET_ERR_NUMBER_RANGE,	/* a number overflows double (22003) */
	TARGET_ERR_YEAR_RANGE,		/* a year outside 1..9999 (22003) */
	TARGET_ERR_NOT_FINITE,		/* NaN or infinity (22023) */
	TARGET_ERR_TOLERANCE_OP,	/* tolerance on >= or <= (22023) */
	TARGET_ERR_NEGATIVE_TOLERANCE,	/* (22023) */
	TARGET_ERR_YEAR_ORDER,		/* baseline year not before target year */
	TARGET_ERR_BASELINE_YEAR_ALONE, /* baseline year without baseline */
	TARGET_ERR_ZERO_SPAN,		/* T = B: division by zero */
	TARGET_ERR_ZERO_TARGET,		/* T = 0 without baseline */
	TARGET_ERR_NEGATIVE_TARGET, /* ratio formula with T < 0 */
	TARGET_ERR_BASELINE_MEETS,	/* baseline already at or past the target */
	TARGET_ERR_BINARY			/* malformed binary form (22P03) */
} TargetError;

typedef enum GoalStatus
{
	GOAL_NO_DATA = 0,
	GOAL_ACHIEVED,
	GOAL_ON_TRACK,
	GOAL_AT_RISK,
	GOAL_OFF_TRACK
} GoalStatus;

#define GOAL_STATUS_COUNT 5

extern const char *target_op_symbol(int op);

/* Checks that hold for every target, however it was made. */
extern TargetError target_validate(const StyringTarget *t);

/*
 * Parses NUL-terminated UTF-8 text. On error, *err says where; the result is
 * TARGET_OK or the first problem found.
 */
extern TargetError target_parse(const char *text, StyringTarget *out,
								ScanError *err);

/* Canonical text form; utf8 selects "±" over "+-". Returns the length. */
extern size_t target_format(const StyringTarget *t, bool utf8,
							char *buf, size_t buflen);

/*
 * Binary form (network byte order); decode validates like the parser. When
 * the bytes are well formed but the target is invalid (say T = B), *out holds
 * the decoded target so that the error message can show it.
 */
extern size_t target_encode(const StyringTarget *t, uint8_t *buf);
extern TargetError target_decode(const uint8_t *buf, size_t len,
								 StyringTarget *out);

/* Makes absent fields and reserved bytes zero and -0.0 into 0.0. */
extern void target_canonicalize(StyringTarget *t);

extern int	target_compare(const StyringTarget *a, const StyringTarget *b);

/* The formulas; actual must be finite (the caller checks). */
extern double target_progress(const StyringTarget *t, double actual);
extern double target_attainment(const StyringTarget *t, double actual);
extern bool target_achieved(const StyringTarget *t, double actual);
extern double target_expected_progress(const StyringTarget *t, int32_t year);
extern GoalStatus target_status(const StyringTarget *t, double actual,
								bool has_year, int32_t year, double margin);

extern const char *goal_status_label(GoalStatus s);
extern const char *goal_status_light(GoalStatus s);

#endif
