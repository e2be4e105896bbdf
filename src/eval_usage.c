/*
 * eval_usage.c - styring.eval_usage: the set of uses an evaluation's result
 * was put to (political decision, action plan, budget and goal process,
 * other; {} not used), in English, Swedish or Norwegian words. Its on-disk
 * form and argument macros are in eval_usage.h, its parser and printer in
 * core/eval_usage_core.c.
 */
#include "eval_usage.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "core/eval_usage_core.h"

PG_FUNCTION_INFO_V1(eval_usage_in);
PG_FUNCTION_INFO_V1(eval_usage_out);
PG_FUNCTION_INFO_V1(eval_usage_recv);
PG_FUNCTION_INFO_V1(eval_usage_send);
PG_FUNCTION_INFO_V1(eval_usage_cmp);
PG_FUNCTION_INFO_V1(eval_usage_eq);
PG_FUNCTION_INFO_V1(eval_usage_ne);
PG_FUNCTION_INFO_V1(eval_usage_lt);
PG_FUNCTION_INFO_V1(eval_usage_le);
PG_FUNCTION_INFO_V1(eval_usage_gt);
PG_FUNCTION_INFO_V1(eval_usage_ge);
PG_FUNCTION_INFO_V1(eval_usage_hash);
PG_FUNCTION_INFO_V1(eval_usage_hash_extended);
PG_FUNCTION_INFO_V1(eval_usage_contains);
PG_FUNCTION_INFO_V1(eval_usage_contained);
PG_FUNCTION_INFO_V1(eval_usage_overlaps);
PG_FUNCTION_INFO_V1(eval_usage_unused);
PG_FUNCTION_INFO_V1(eval_usage_from_array);
PG_FUNCTION_INFO_V1(eval_usage_to_array);

/* Every UsageError, as a user sees it. */
static const StyringError usage_errors[] = {
	{USAGE_ERR_SYNTAX, ERRCODE_INVALID_TEXT_REPRESENTATION,
		"invalid input syntax for type styring.eval_usage: \"%s\"",
		DETAIL_AT_POSITION, "At position %d.",
	"A set of uses reads like \"{action_plan,other}\"; {} means not used."},
	{USAGE_ERR_UNKNOWN_WORD, ERRCODE_INVALID_TEXT_REPRESENTATION,
		"unknown use of an evaluation: \"%s\"",
		DETAIL_AT_POSITION, "At position %d of the set of uses.",
		"Uses are political_decision, action_plan, budget_process and other "
	"(or the Swedish and Norwegian words); {} means not used."},
	{USAGE_ERR_BINARY, ERRCODE_INVALID_BINARY_REPRESENTATION,
		"invalid binary representation for type styring.eval_usage", DETAIL_TEXT, NULL, NULL},
};

/* ---------- eval_usage I/O ---------- */

Datum
eval_usage_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	char	   *utf8 = text;
	uint8_t		bits = 0;
	ScanError perr = {0};
	UsageError	rc;
	Node	   *escontext = NULL;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	(void) escontext;			/* unused before PostgreSQL 16 */
	if (GetDatabaseEncoding() != PG_UTF8)
		utf8 = pg_server_to_any(text, (int) strlen(text), PG_UTF8);
	rc = usage_parse(utf8, &bits, &perr);
	if (rc == USAGE_ERR_UNKNOWN_WORD)
	{
		/* the message names the word that is not a use */
		char	   *word = pnstrdup(utf8 + perr.word_start, perr.word_len);

		if (GetDatabaseEncoding() != PG_UTF8)
			word = pg_any_to_server(word, (int) perr.word_len, PG_UTF8);
		STYRING_REPORT_ERROR(usage_errors, rc, word, &perr, escontext);
		PG_RETURN_NULL();
	}
	if (rc != USAGE_OK)
	{
		STYRING_REPORT_ERROR(usage_errors, rc, text, &perr, escontext);
		PG_RETURN_NULL();
	}
	PG_RETURN_EVAL_USAGE(bits);
}

Datum
eval_usage_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(USAGE_TEXT_MAX);

	usage_format(PG_GETARG_EVAL_USAGE(0), buf, USAGE_TEXT_MAX);
	PG_RETURN_CSTRING(buf);
}

Datum
eval_usage_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	uint8_t		bits = 0;

	if (usage_decode((const uint8_t *) buf->data + buf->cursor,
					 (size_t) (buf->len - buf->cursor), &bits) != USAGE_OK)
		STYRING_REPORT_ERROR(usage_errors, USAGE_ERR_BINARY, NULL, NULL, NULL);
	buf->cursor = buf->len;
	PG_RETURN_EVAL_USAGE(bits);
}

Datum
eval_usage_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, USAGE_FORMAT_VERSION);
	pq_sendbyte(&buf, PG_GETARG_EVAL_USAGE(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- comparison and set operators ---------- */

#define USAGE_CMP() ((int) PG_GETARG_EVAL_USAGE(0) - (int) PG_GETARG_EVAL_USAGE(1))

Datum
eval_usage_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(USAGE_CMP());
}

Datum
eval_usage_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(USAGE_CMP() == 0);
}

Datum
eval_usage_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(USAGE_CMP() != 0);
}

Datum
eval_usage_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(USAGE_CMP() < 0);
}

Datum
eval_usage_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(USAGE_CMP() <= 0);
}

Datum
eval_usage_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(USAGE_CMP() > 0);
}

Datum
eval_usage_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(USAGE_CMP() >= 0);
}

Datum
eval_usage_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_EVAL_USAGE(0));
}

/* The seeded hash that hash partitioning needs. */
Datum
eval_usage_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_EVAL_USAGE(0), PG_GETARG_INT64(1));
}

/* a @> b: every use in b is in a. */
Datum
eval_usage_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL((PG_GETARG_EVAL_USAGE(1) & ~PG_GETARG_EVAL_USAGE(0)) == 0);
}

Datum
eval_usage_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL((PG_GETARG_EVAL_USAGE(0) & ~PG_GETARG_EVAL_USAGE(1)) == 0);
}

Datum
eval_usage_overlaps(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL((PG_GETARG_EVAL_USAGE(0) & PG_GETARG_EVAL_USAGE(1)) != 0);
}

/* The result was used for nothing at all. */
Datum
eval_usage_unused(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_EVAL_USAGE(0) == 0);
}

/* text[] -> eval_usage: each element a word in any of the three languages. */
Datum
eval_usage_from_array(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	uint8		bits = 0;

	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		char	   *word;
		char	   *utf8;
		int			bit;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("a set of uses cannot contain NULL")));
		word = TextDatumGetCString(elems[i]);
		utf8 = GetDatabaseEncoding() == PG_UTF8 ? word :
			pg_server_to_any(word, (int) strlen(word), PG_UTF8);
		bit = usage_lookup(utf8, strlen(utf8));
		if (bit < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("unknown use of an evaluation: \"%s\"", styring_quote_for_error(word)),
					 errhint("Uses are political_decision, action_plan, budget_process and other "
							 "(or the Swedish and Norwegian words).")));
		bits |= (uint8) (1u << bit);
	}
	PG_RETURN_EVAL_USAGE(bits);
}

Datum
eval_usage_to_array(PG_FUNCTION_ARGS)
{
	uint8		bits = PG_GETARG_EVAL_USAGE(0);
	Datum		elems[USAGE_KINDS];
	int			n = 0;

	for (int i = 0; i < USAGE_KINDS; i++)
		if (bits & (1u << i))
			elems[n++] = CStringGetTextDatum(usage_word(i));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}
