/*
 * eval_usage_core.h - what an evaluation's result was used for (Resultatstyrning 2009, Kvalitetsnätverk Bergslagen):
 * a set of political_decision, action_plan, budget_process, other; the empty
 * set means not used at all. Plain C.
 */
#ifndef STYRING_EVAL_USAGE_CORE_H
#define STYRING_EVAL_USAGE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scan.h"

#define USAGE_FORMAT_VERSION 1

#define USAGE_POLITICAL_DECISION	0x01
#define USAGE_ACTION_PLAN			0x02
#define USAGE_BUDGET_PROCESS		0x04
#define USAGE_OTHER					0x08
#define USAGE_ALL					0x0F
#define USAGE_KINDS					4

typedef enum UsageError
{
	USAGE_OK = 0,
	USAGE_ERR_SYNTAX,			/* (22P02) */
	USAGE_ERR_UNKNOWN_WORD,		/* (22P02), the word is reported */
	USAGE_ERR_BINARY			/* (22P03) */
} UsageError;

/* The canonical (English) word of bit i (0 .. USAGE_KINDS - 1). */
extern const char *usage_word(int i);

/* A word in English, Swedish or Norwegian (any case), or -1. */
extern int	usage_lookup(const char *word, size_t len);

/* "{action_plan, annat}" and the like; "{}" is the empty set. */
extern UsageError usage_parse(const char *text, uint8_t *out, ScanError *err);

/* "{political_decision,action_plan,budget_process,other}" at most; returns length. */
#define USAGE_TEXT_MAX 64
extern size_t usage_format(uint8_t bits, char *buf, size_t buflen);

/* Binary form: version byte, bits byte. */
extern UsageError usage_decode(const uint8_t *buf, size_t len, uint8_t *out);

#endif
