/*
 * styring.c - module magic and the error reporting the types share.
 */
#include "styring.h"

#include <math.h>

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "styring", .version = STYRING_VERSION);
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

void
_PG_init(void)
{
	styring_profile_cache_register();
#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("styring");
#else
	EmitWarningsOnPlaceholders("styring");
#endif
}

#define ERROR_QUOTE_MAX 100

char *
styring_quote_for_error(const char *text)
{
	size_t		len = strlen(text);
	int			cut;

	if (len <= ERROR_QUOTE_MAX)
		return pstrdup(text);
	cut = pg_mbcliplen(text, (int) len, ERROR_QUOTE_MAX);
	return psprintf("%.*s...", cut, text);
}

/* The detail of an entry, for the position and character in perr. */
static int
error_detail(const StyringError *e, const ScanError *perr)
{
	int			pos = perr ? perr->position + 1 : 1;

	switch (e->detail_kind)
	{
		case DETAIL_TEXT:
			return e->detail ? errdetail("%s", e->detail) : 0;
		case DETAIL_EXPECTED:
			return errdetail("Expected %s at position %d.",
							 perr && perr->expected ? perr->expected : e->detail, pos);
		case DETAIL_AT_POSITION:
			return perr ? errdetail(e->detail, pos) : 0;
		case DETAIL_CHARACTER:
			{
				uint32		cp = perr ? perr->codepoint : 0;
				char		ch[8] = {0};

				/* the character itself only where the database can show it */
				if (cp >= 0x20 && cp < 0x110000 && GetDatabaseEncoding() == PG_UTF8)
					unicode_to_utf8((pg_wchar) cp, (unsigned char *) ch);
				return errdetail(e->detail,
								 psprintf("U+%04X%s%s%s", cp, ch[0] ? " (\"" : "", ch, ch[0] ? "\")" : ""),
								 pos);
			}
	}
	return 0;
}

void
styring_report_error(const StyringError *table, int entries, int code, const char *text,
					 const ScanError *perr, Node *escontext)
{
	const StyringError *e = NULL;
	char	   *shown;

	if (code == 0)
		return;
	for (int i = 0; i < entries && e == NULL; i++)
		if (table[i].code == code)
			e = &table[i];
	if (e == NULL)
		elog(ERROR, "unknown styring error code %d", code);
	shown = styring_quote_for_error(text ? text : "");
	STYRING_INPUT_ERROR(escontext,
						(errcode(e->sqlstate),
						 errmsg_internal(e->message, shown),
						 error_detail(e, perr),
						 e->hint ? errhint("%s", e->hint) : 0));
}

void
styring_check_finite(double x, const char *what)
{
	if (isnan(x) || isinf(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number, not \"%s\"", what,
						isnan(x) ? "NaN" : (x > 0 ? "Infinity" : "-Infinity"))));
}

MemoryContext
styring_agg_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context",
						get_func_name(fcinfo->flinfo->fn_oid))));
	return aggcontext;
}
