/*
 * goalpath.c - styring.goalpath: a goal's place in the goal chain, with tree
 * order, ancestor/descendant tests and the functions that walk a path.
 *
 * A goalpath is a varlena whose data is: a format version byte, the number
 * of labels, then the labels' UTF-8 bytes separated by 0x00 (see
 * goalpath_core.h for why that byte order is the tree order).
 */
#include "styring.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "core/goalpath_core.h"
#include "goalpath.h"

PG_FUNCTION_INFO_V1(goalpath_in);
PG_FUNCTION_INFO_V1(goalpath_out);
PG_FUNCTION_INFO_V1(goalpath_recv);
PG_FUNCTION_INFO_V1(goalpath_send);
PG_FUNCTION_INFO_V1(goalpath_smaller);
PG_FUNCTION_INFO_V1(goalpath_larger);
PG_FUNCTION_INFO_V1(goalpath_cmp);
PG_FUNCTION_INFO_V1(goalpath_eq);
PG_FUNCTION_INFO_V1(goalpath_ne);
PG_FUNCTION_INFO_V1(goalpath_lt);
PG_FUNCTION_INFO_V1(goalpath_le);
PG_FUNCTION_INFO_V1(goalpath_gt);
PG_FUNCTION_INFO_V1(goalpath_ge);
PG_FUNCTION_INFO_V1(goalpath_hash);
PG_FUNCTION_INFO_V1(goalpath_hash_extended);
PG_FUNCTION_INFO_V1(goalpath_subtree_end);
PG_FUNCTION_INFO_V1(goalpath_is_ancestor);
PG_FUNCTION_INFO_V1(goalpath_is_descendant);
PG_FUNCTION_INFO_V1(goalpath_nlevel);
PG_FUNCTION_INFO_V1(goalpath_parent);
PG_FUNCTION_INFO_V1(goalpath_subpath);
PG_FUNCTION_INFO_V1(goalpath_label);
PG_FUNCTION_INFO_V1(goalpath_lca);
PG_FUNCTION_INFO_V1(goalpath_concat);

/* ---------- making and reading the varlena ---------- */

GoalpathRef
goalpath_ref(Datum d)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	const uint8 *bytes = (const uint8 *) VARDATA_ANY(v);
	size_t		len = VARSIZE_ANY_EXHDR(v);
	GoalpathRef r;

	if (len < 3 || bytes[0] != GOALPATH_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt or unsupported styring.goalpath value")));
	r.data = bytes + 2;
	r.len = len - 2;
	r.nlevels = bytes[1];
	r.detoasted = v;
	r.original = DatumGetPointer(d);
	return r;
}

Datum
goalpath_make(const uint8 *data, size_t len, int nlevels)
{
	bytea	   *result;
	uint8	   *bytes;

	if (len == 0)
		elog(ERROR, "an empty goalpath cannot be made");
	if (nlevels > GOALPATH_MAX_DEPTH)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a goal path can have at most %d levels, not %d",
						GOALPATH_MAX_DEPTH, nlevels)));
	result = palloc(VARHDRSZ + 2 + len);
	SET_VARSIZE(result, VARHDRSZ + 2 + len);
	bytes = (uint8 *) VARDATA(result);
	bytes[0] = GOALPATH_FORMAT_VERSION;
	bytes[1] = (uint8) nlevels;
	memcpy(bytes + 2, data, len);
	return PointerGetDatum(result);
}

/* The text form in the database's encoding. */
char *
goalpath_to_cstring(GoalpathRef r)
{
	char	   *out = palloc(r.len + 1);

	goalpath_format(r.data, r.len, out);
	if (GetDatabaseEncoding() != PG_UTF8)
		out = pg_any_to_server(out, (int) r.len, PG_UTF8);
	return out;
}

/* ---------- I/O ---------- */

/* Every GoalpathError, as a user sees it. */
static const StyringError goalpath_errors[] = {
	{GOALPATH_ERR_EMPTY, ERRCODE_INVALID_TEXT_REPRESENTATION,
		"invalid input syntax for type styring.goalpath: \"%s\"",
		DETAIL_TEXT, "A goal path needs at least one label.", NULL},
	{GOALPATH_ERR_EMPTY_LABEL, ERRCODE_INVALID_TEXT_REPRESENTATION,
		"invalid input syntax for type styring.goalpath: \"%s\"",
		DETAIL_AT_POSITION, "Empty label at position %d.", NULL},
	{GOALPATH_ERR_BAD_CHAR, ERRCODE_INVALID_TEXT_REPRESENTATION,
		"invalid input syntax for type styring.goalpath: \"%s\"",
		DETAIL_CHARACTER, "Character %s at position %d is not allowed in a label.",
	"Labels are letters and digits of any script, \"_\" and \"-\", separated by \".\"."},
	{GOALPATH_ERR_BAD_UTF8, ERRCODE_CHARACTER_NOT_IN_REPERTOIRE,
		"invalid UTF-8 in a styring.goalpath value", DETAIL_AT_POSITION, "At position %d.", NULL},
	{GOALPATH_ERR_LABEL_TOO_LONG, ERRCODE_PROGRAM_LIMIT_EXCEEDED,
		"label too long in goal path \"%s\"",
		DETAIL_TEXT, "A label can have at most " CppAsString2(GOALPATH_MAX_LABEL) " bytes.", NULL},
	{GOALPATH_ERR_TOO_DEEP, ERRCODE_PROGRAM_LIMIT_EXCEEDED,
		"goal path too deep: \"%s\"",
		DETAIL_TEXT, "A goal path can have at most " CppAsString2(GOALPATH_MAX_DEPTH) " levels.", NULL},
	{GOALPATH_ERR_BINARY, ERRCODE_INVALID_BINARY_REPRESENTATION,
		"invalid binary representation for type styring.goalpath", DETAIL_TEXT, NULL, NULL},
};

Datum
goalpath_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	char	   *utf8 = text;
	size_t		len;
	uint8	   *buf;
	size_t		outlen = 0;
	int			nlevels = 0;
	ScanError perr = {0};
	GoalpathError rc;
	Node	   *escontext = NULL;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	if (GetDatabaseEncoding() != PG_UTF8)
		utf8 = pg_server_to_any(text, (int) strlen(text), PG_UTF8);
	len = strlen(utf8);
	buf = palloc(len + 1);
	rc = goalpath_parse(utf8, len, buf, &outlen, &nlevels, &perr);
	if (rc != GOALPATH_OK)
	{
		STYRING_REPORT_ERROR(goalpath_errors, rc, text, &perr, escontext);
		PG_RETURN_NULL();
	}
	PG_RETURN_DATUM(goalpath_make(buf, outlen, nlevels));
}

Datum
goalpath_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(goalpath_to_cstring(PG_GETARG_GOALPATH_REF(0)));
}

/* Binary input: a version byte and the UTF-8 text, checked like text input. */
Datum
goalpath_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8 *bytes = (const uint8 *) buf->data + buf->cursor;
	size_t		len = (size_t) (buf->len - buf->cursor);
	uint8	   *out = palloc(len + 1);
	size_t		outlen = 0;
	int			nlevels = 0;
	ScanError perr = {0};
	GoalpathError rc;

	rc = goalpath_decode(bytes, len, out, &outlen, &nlevels, &perr);
	if (rc == GOALPATH_ERR_BINARY || rc == GOALPATH_ERR_BAD_UTF8)
		STYRING_REPORT_ERROR(goalpath_errors, rc, NULL, &perr, NULL);
	else if (rc != GOALPATH_OK)
	{
		/* valid UTF-8 after the version byte: show it as the offending text */
		char	   *text = pnstrdup((const char *) bytes + 1, len - 1);

		STYRING_REPORT_ERROR(goalpath_errors, rc, pg_any_to_server(text, (int) strlen(text), PG_UTF8), &perr, NULL);
	}
	buf->cursor = buf->len;
	PG_RETURN_DATUM(goalpath_make(out, outlen, nlevels));
}

Datum
goalpath_send(PG_FUNCTION_ARGS)
{
	GoalpathRef r = PG_GETARG_GOALPATH_REF(0);
	char	   *text = palloc(r.len + 1);
	StringInfoData buf;

	goalpath_format(r.data, r.len, text);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, GOALPATH_FORMAT_VERSION);
	pq_sendbytes(&buf, text, (int) r.len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- order and hashing ---------- */

static int
compare_args(FunctionCallInfo fcinfo)
{
	GoalpathRef a = PG_GETARG_GOALPATH_REF(0);
	GoalpathRef b = PG_GETARG_GOALPATH_REF(1);
	int			c = goalpath_compare(a.data, a.len, b.data, b.len);

	goalpath_free_if_copy(a);
	goalpath_free_if_copy(b);
	return c;
}

/*
 * min() and max(): the transition and combine function of each. The winner is
 * returned detoasted, never as a pointer into a toast table, since it lives
 * on as the aggregate's state.
 */
static Datum
goalpath_pick(FunctionCallInfo fcinfo, bool smaller)
{
	int			c = compare_args(fcinfo);
	int			arg = (smaller ? c <= 0 : c >= 0) ? 0 : 1;

	PG_RETURN_POINTER(PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(arg)));
}

Datum
goalpath_smaller(PG_FUNCTION_ARGS)
{
	return goalpath_pick(fcinfo, true);
}

Datum
goalpath_larger(PG_FUNCTION_ARGS)
{
	return goalpath_pick(fcinfo, false);
}

Datum
goalpath_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(compare_args(fcinfo));
}

Datum
goalpath_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) == 0);
}

Datum
goalpath_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) != 0);
}

Datum
goalpath_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) < 0);
}

Datum
goalpath_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) <= 0);
}

Datum
goalpath_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) > 0);
}

Datum
goalpath_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) >= 0);
}

Datum
goalpath_hash(PG_FUNCTION_ARGS)
{
	GoalpathRef r = PG_GETARG_GOALPATH_REF(0);
	Datum		h = hash_any(r.data, (int) r.len);

	goalpath_free_if_copy(r);
	return h;
}

Datum
goalpath_hash_extended(PG_FUNCTION_ARGS)
{
	GoalpathRef r = PG_GETARG_GOALPATH_REF(0);
	Datum		h = hash_any_extended(r.data, (int) r.len, PG_GETARG_INT64(1));

	goalpath_free_if_copy(r);
	return h;
}

/*
 * The first path after every descendant of p: p's last label followed by
 * '-' (p = a.b gives a.b-). It bounds "x <@ p" as the range
 * p <= x < subtree_end(p), which a btree index on x can scan
 * (goalpath_planner.c). It is a path like any other, so a table that stores
 * one dumps and restores (0.2.0 appended byte 0x01, which COPY could not
 * read back).
 */
Datum
goalpath_subtree_end(PG_FUNCTION_ARGS)
{
	GoalpathRef r = PG_GETARG_GOALPATH_REF(0);
	uint8	   *buf = palloc(r.len + 1);

	memcpy(buf, r.data, r.len);
	buf[r.len] = GOALPATH_AFTER_SUBTREE;
	PG_RETURN_DATUM(goalpath_make(buf, r.len + 1, r.nlevels));
}

/* a @> b: a is b or one of its ancestors. */
Datum
goalpath_is_ancestor(PG_FUNCTION_ARGS)
{
	GoalpathRef a = PG_GETARG_GOALPATH_REF(0);
	GoalpathRef b = PG_GETARG_GOALPATH_REF(1);

	PG_RETURN_BOOL(goalpath_is_prefix(a.data, a.len, b.data, b.len));
}

/* a <@ b: a is b or one of its descendants. */
Datum
goalpath_is_descendant(PG_FUNCTION_ARGS)
{
	GoalpathRef a = PG_GETARG_GOALPATH_REF(0);
	GoalpathRef b = PG_GETARG_GOALPATH_REF(1);

	PG_RETURN_BOOL(goalpath_is_prefix(b.data, b.len, a.data, a.len));
}

/* ---------- walking a path ---------- */

Datum
goalpath_nlevel(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_GOALPATH_REF(0).nlevels);
}

/* The path one level up; NULL at the top of the chain. */
Datum
goalpath_parent(PG_FUNCTION_ARGS)
{
	GoalpathRef r = PG_GETARG_GOALPATH_REF(0);

	if (r.nlevels <= 1)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(goalpath_make(r.data, goalpath_prefix_len(r.data, r.len, r.nlevels - 1),
								  r.nlevels - 1));
}

/*
 * subpath(path, offset, len): as ltree's subpath. The labels from offset
 * (0-based; negative counts from the end) on, len of them (negative: leave
 * that many off the end; NULL: to the end).
 */
Datum
goalpath_subpath(PG_FUNCTION_ARGS)
{
	GoalpathRef r = PG_GETARG_GOALPATH_REF(0);
	int			offset = PG_GETARG_INT32(1);
	int			end;
	size_t		from,
				to,
				dummy;

	if (offset < 0)
		offset += r.nlevels;
	if (PG_NARGS() < 3 || PG_ARGISNULL(2))
		end = r.nlevels;
	else
	{
		int			len = PG_GETARG_INT32(2);

		end = len < 0 ? r.nlevels + len : offset + len;
	}
	if (offset < 0 || offset >= r.nlevels || end <= offset || end > r.nlevels)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("subpath offset %d and length leave no labels of a %d-level path",
						PG_GETARG_INT32(1), r.nlevels)));
	goalpath_label_at(r.data, r.len, offset, &from, &dummy);
	to = goalpath_prefix_len(r.data, r.len, end);
	PG_RETURN_DATUM(goalpath_make(r.data + from, to - from, end - offset));
}

/* The label at a level (1 = the top; negative counts from the end), or NULL. */
Datum
goalpath_label(PG_FUNCTION_ARGS)
{
	GoalpathRef r = PG_GETARG_GOALPATH_REF(0);
	int			level = PG_GETARG_INT32(1);
	size_t		start,
				len;
	char	   *text;

	if (level < 0)
		level += r.nlevels + 1;
	if (level < 1 || !goalpath_label_at(r.data, r.len, level - 1, &start, &len))
		PG_RETURN_NULL();
	text = pnstrdup((const char *) r.data + start, len);
	if (GetDatabaseEncoding() != PG_UTF8)
		text = pg_any_to_server(text, (int) len, PG_UTF8);
	PG_RETURN_TEXT_P(cstring_to_text(text));
}

/* Lowest common ancestor: the longest path both start with; NULL if none. */
Datum
goalpath_lca(PG_FUNCTION_ARGS)
{
	GoalpathRef a = PG_GETARG_GOALPATH_REF(0);
	GoalpathRef b = PG_GETARG_GOALPATH_REF(1);
	size_t		len = goalpath_common_len(a.data, a.len, b.data, b.len);

	if (len == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(goalpath_make(a.data, len, goalpath_count_levels(a.data, len)));
}

/* a || b: b's labels below a's. */
Datum
goalpath_concat(PG_FUNCTION_ARGS)
{
	GoalpathRef a = PG_GETARG_GOALPATH_REF(0);
	GoalpathRef b = PG_GETARG_GOALPATH_REF(1);
	size_t		len = a.len + 1 + b.len;
	uint8	   *buf = palloc(len);

	memcpy(buf, a.data, a.len);
	buf[a.len] = GOALPATH_SEP;
	memcpy(buf + a.len + 1, b.data, b.len);
	PG_RETURN_DATUM(goalpath_make(buf, len, a.nlevels + b.nlevels));
}
