/*
 * ranking.c - ranks(label, value [, higher_is_better]): every member of a
 * comparison group ranked in one pass, as an array of styring.ranked rows.
 *
 * The state is the group's members: a key per value (ranking_core.h) and the
 * label's bytes in one buffer beside them. A worker of a parallel plan sorts
 * its part before shipping it (ranking_serial), so the sorting is shared out
 * and the leader only merges sorted runs (ranking_combine) and walks the
 * result (ranking_final). The serialised state only travels between the
 * processes of one server, so it is in the machine's byte order; it is still
 * checked in full when it arrives.
 */
#include "row_array.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#include "core/ranking_core.h"

PG_FUNCTION_INFO_V1(ranking_trans);
PG_FUNCTION_INFO_V1(ranking_combine);
PG_FUNCTION_INFO_V1(ranking_serial);
PG_FUNCTION_INFO_V1(ranking_deserial);
PG_FUNCTION_INFO_V1(ranking_final);

/* Direction: not yet given by a row, or given. */
#define DIRECTION_UNKNOWN (-1)

/*
 * The members are in the same allocation as the state, so that adding one
 * touches one place in memory (groups are filled in turn, row by row, so
 * every touch is likely a cache miss). Growing it moves it: the transition
 * and combine functions return the new address.
 */
typedef struct RankState
{
	size_t		n;
	size_t		cap;
	char	   *labels;			/* the bytes of labels too long to be inline */
	size_t		label_bytes;
	size_t		label_cap;
	int			higher_is_better;	/* DIRECTION_UNKNOWN, 0 or 1 */
	bool		sorted;
	bool		from_wire;		/* made by ranking_deserial, not yet combined */
	RankEntry	entries[FLEXIBLE_ARRAY_MEMBER];
} RankState;

#define RANK_STATE_SIZE(cap) (offsetof(RankState, entries) + (Size) (cap) * sizeof(RankEntry))

/* Serialised: this header, the entries, then the label bytes. */
typedef struct RankWireHeader
{
	uint8		version;
	uint8		flags;
	uint16		reserved;
	uint32		n;
	uint32		label_bytes;
} RankWireHeader;

#define RANK_WIRE_VERSION 1
#define WIRE_DIRECTION_KNOWN 0x01
#define WIRE_HIGHER_IS_BETTER 0x02
#define WIRE_FLAGS (WIRE_DIRECTION_KNOWN | WIRE_HIGHER_IS_BETTER)

StaticAssertDecl(sizeof(RankEntry) == 16, "RankEntry is shipped as 16 bytes");
StaticAssertDecl(sizeof(RankWireHeader) == 12, "the wire header is 12 bytes");

/* Slices are addressed by 32-bit offsets; the result array must stay below 1 GB. */
#define RANK_MAX_LABEL_BYTES ((size_t) PG_INT32_MAX)
#define RANK_MAX_MEMBERS ((size_t) 10 * 1000 * 1000)
#define RANK_FIRST_CAP 16
/* aset.c's chunk limit: larger requests get a block of their own size */
#define RANK_POW2_LIMIT 8192

static void
tick(void)
{
	CHECK_FOR_INTERRUPTS();
}

static void
too_many_members(size_t n)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("a group to rank can have at most %zu members, not %zu",
					RANK_MAX_MEMBERS, n),
			 errhint("Collect a group this large with profile() and rank its members with rank_in().")));
}

/*
 * The capacity that fills the allocation holding at least `cap` members.
 * palloc hands out small chunks in powers of two, so a state of 16 members
 * (304 bytes) takes a 512-byte chunk anyway: it is given 29 members' room,
 * and a KOSTRA group of about 19 never grows. Groups are many and small in
 * the common shapes, so this decides whether their states fit in the hash
 * table's memory.
 */
static size_t
chunk_cap(size_t cap)
{
	size_t		size = RANK_STATE_SIZE(cap);
	size_t		chunk = 64;

	if (size > RANK_POW2_LIMIT)
		return cap;
	while (chunk < size)
		chunk *= 2;
	return (chunk - offsetof(RankState, entries)) / sizeof(RankEntry);
}

static RankState *
new_state(MemoryContext cxt, size_t cap)
{
	RankState  *s;

	cap = chunk_cap(Max(cap, RANK_FIRST_CAP));
	s = MemoryContextAllocHuge(cxt, RANK_STATE_SIZE(cap));
	memset(s, 0, offsetof(RankState, entries));
	s->cap = cap;
	s->higher_is_better = DIRECTION_UNKNOWN;
	s->sorted = true;
	return s;
}

/* Room for `more` members; returns the state, which may have moved. */
static RankState *
reserve_entries(RankState *s, size_t more)
{
	size_t		need = s->n + more;
	size_t		cap;

	if (need <= s->cap)
		return s;
	if (need > RANK_MAX_MEMBERS)
		too_many_members(need);
	cap = Min(chunk_cap(Max(need, s->cap * 2)), RANK_MAX_MEMBERS);
	Assert(cap >= need);
	s = repalloc_huge(s, RANK_STATE_SIZE(cap));
	s->cap = cap;
	return s;
}

/* Room for `more` bytes of long labels, in the context the state lives in. */
static void
reserve_labels(RankState *s, size_t more)
{
	size_t		need = s->label_bytes + more;
	size_t		cap;

	if (need <= s->label_cap)
		return;
	if (need > RANK_MAX_LABEL_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the labels of a group to rank can take at most %zu bytes",
						RANK_MAX_LABEL_BYTES)));
	cap = Min(Max(Max(need, s->label_cap * 2), 256), RANK_MAX_LABEL_BYTES);
	if (s->labels == NULL)
		s->labels = MemoryContextAllocHuge(GetMemoryChunkContext(s), cap);
	else
		s->labels = repalloc_huge(s->labels, cap);
	s->label_cap = cap;
}

/* Every row of a group must rank in the same direction. */
static void
set_direction(RankState *s, bool higher_is_better)
{
	if (s->higher_is_better == DIRECTION_UNKNOWN)
		s->higher_is_better = higher_is_better;
	else if (s->higher_is_better != (int) higher_is_better)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("higher_is_better must be the same for every row of a group"),
				 errdetail("The group has rows with both true and false.")));
}

static void
set_label(RankState *s, RankEntry *e, const text *label)
{
	size_t		len = VARSIZE_ANY_EXHDR(label);

	if (len > RANK_LABEL_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a member's label can have at most %zu bytes, not %zu",
						RANK_LABEL_MAX, len)));
	if (len > RANK_LABEL_INLINE)
	{
		reserve_labels(s, len);
		memcpy(s->labels + s->label_bytes, VARDATA_ANY(label), len);
	}
	rank_label_set(e, VARDATA_ANY(label), len, (uint32) s->label_bytes);
	if (len > RANK_LABEL_INLINE)
		s->label_bytes += len;
}

/* ranks(label text, value float8 [, higher_is_better boolean]) */
Datum
ranking_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	RankState  *s;
	RankEntry  *e;

	aggcontext = styring_agg_context(fcinfo);
	s = PG_ARGISNULL(0) ? new_state(aggcontext, 0) : (RankState *) PG_GETARG_POINTER(0);
	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("higher_is_better must not be NULL")));
		set_direction(s, PG_GETARG_BOOL(3));
	}
	else
		set_direction(s, true);

	if (s->n == s->cap)
		s = reserve_entries(s, 1);
	e = &s->entries[s->n];
	if (PG_ARGISNULL(2))
		e->key = RANK_NO_VALUE;
	else
	{
		double		v = PG_GETARG_FLOAT8(2);

		styring_check_group_value(v);
		e->key = rank_value_key(v);
	}
	if (PG_ARGISNULL(1))
		rank_label_set_null(e);
	else
		set_label(s, e, PG_GETARG_TEXT_PP(1));
	if (s->sorted && s->n > 0 && s->entries[s->n - 1].key > e->key)
		s->sorted = false;
	s->n++;
	PG_RETURN_POINTER(s);
}

static void
sort_state(RankState *s)
{
	RankEntry  *tmp = NULL;

	if (s->sorted)
		return;
	if (s->n >= RANK_RADIX_MIN)
		tmp = palloc_extended(s->n * sizeof(RankEntry), MCXT_ALLOC_HUGE);
	rank_sort(s->entries, s->n, tmp, tick);
	if (tmp)
		pfree(tmp);
	s->sorted = true;
}

static RankState *
copy_state(MemoryContext cxt, const RankState *b)
{
	RankState  *a = new_state(cxt, b->n);

	memcpy(a->entries, b->entries, b->n * sizeof(RankEntry));
	a->n = b->n;
	a->higher_is_better = b->higher_is_better;
	a->sorted = b->sorted;
	if (b->label_bytes > 0)
	{
		reserve_labels(a, b->label_bytes);
		memcpy(a->labels, b->labels, b->label_bytes);
		a->label_bytes = b->label_bytes;
	}
	return a;
}

Datum
ranking_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	RankState  *a;
	RankState  *b;

	aggcontext = styring_agg_context(fcinfo);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0));
	b = (RankState *) PG_GETARG_POINTER(1);
	if (PG_ARGISNULL(0))
	{
		/*
		 * A state that ranking_deserial made lives in the aggregate's context
		 * and serves nothing else, so it is taken over as it is; any other
		 * belongs to someone else and is copied.
		 */
		if (b->from_wire)
		{
			b->from_wire = false;
			PG_RETURN_POINTER(b);
		}
		PG_RETURN_POINTER(copy_state(aggcontext, b));
	}
	a = (RankState *) PG_GETARG_POINTER(0);
	if (b->higher_is_better != DIRECTION_UNKNOWN)
		set_direction(a, b->higher_is_better);
	if (a->n + b->n > RANK_MAX_MEMBERS)
		too_many_members(a->n + b->n);
	sort_state(a);
	sort_state(b);
	a = reserve_entries(a, b->n);
	if (b->label_bytes > 0)
		reserve_labels(a, b->label_bytes);
	rank_merge_into(a->entries, a->n, b->entries, b->n, (uint32) a->label_bytes);
	if (b->label_bytes > 0)
		memcpy(a->labels + a->label_bytes, b->labels, b->label_bytes);
	a->label_bytes += b->label_bytes;
	a->n += b->n;
	PG_RETURN_POINTER(a);
}

/* Sorted before it leaves, so that workers do the sorting. */
Datum
ranking_serial(PG_FUNCTION_ARGS)
{
	RankState  *s = (RankState *) PG_GETARG_POINTER(0);
	size_t		entries_size = s->n * sizeof(RankEntry);
	size_t		size = VARHDRSZ + sizeof(RankWireHeader) + entries_size + s->label_bytes;
	bytea	   *out;
	RankWireHeader h = {0};
	char	   *p;

	sort_state(s);
	out = palloc_extended(size, MCXT_ALLOC_HUGE);
	SET_VARSIZE(out, size);
	h.version = RANK_WIRE_VERSION;
	if (s->higher_is_better != DIRECTION_UNKNOWN)
		h.flags = WIRE_DIRECTION_KNOWN | (s->higher_is_better ? WIRE_HIGHER_IS_BETTER : 0);
	h.n = (uint32) s->n;
	h.label_bytes = (uint32) s->label_bytes;
	p = VARDATA(out);
	memcpy(p, &h, sizeof(h));
	memcpy(p + sizeof(h), s->entries, entries_size);
	if (s->label_bytes > 0)
		memcpy(p + sizeof(h) + entries_size, s->labels, s->label_bytes);
	PG_RETURN_BYTEA_P(out);
}

static void
bad_state(const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid partial state of a ranking: %s", why)));
}

/* A value's key must be one that rank_value_key can produce. */
static bool
valid_key(uint64_t key)
{
	double		v;

	if (key == RANK_NO_VALUE)
		return true;
	v = rank_key_value(key);
	return isfinite(v) && rank_value_key(v) == key;
}

Datum
ranking_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *raw = PG_GETARG_BYTEA_PP(0);
	const char *p = VARDATA_ANY(raw);
	size_t		len = VARSIZE_ANY_EXHDR(raw);
	RankWireHeader h;
	RankState  *s;
	MemoryContext aggcontext;

	aggcontext = styring_agg_context(fcinfo);
	if (len < sizeof(h))
		bad_state("too short");
	memcpy(&h, p, sizeof(h));
	if (h.version != RANK_WIRE_VERSION)
		bad_state("unknown version");
	if ((h.flags & ~WIRE_FLAGS) != 0 || h.reserved != 0 || h.n > RANK_MAX_MEMBERS ||
		h.label_bytes > RANK_MAX_LABEL_BYTES ||
		len != sizeof(h) + (size_t) h.n * sizeof(RankEntry) + h.label_bytes)
		bad_state("wrong length");
	s = new_state(aggcontext, h.n);
	s->from_wire = true;
	memcpy(s->entries, p + sizeof(h), (size_t) h.n * sizeof(RankEntry));
	s->n = h.n;
	if (h.label_bytes > 0)
	{
		reserve_labels(s, h.label_bytes);
		memcpy(s->labels, p + sizeof(h) + (size_t) h.n * sizeof(RankEntry), h.label_bytes);
		s->label_bytes = h.label_bytes;
	}
	if (h.flags & WIRE_DIRECTION_KNOWN)
		s->higher_is_better = (h.flags & WIRE_HIGHER_IS_BETTER) != 0;
	for (size_t i = 0; i < s->n; i++)
	{
		const RankEntry *e = &s->entries[i];

		if (!valid_key(e->key) || (i > 0 && s->entries[i - 1].key > e->key))
			bad_state("values not finite or not in order");
		if (!rank_label_valid(e, s->label_bytes))
			bad_state("label out of range");
	}
	PG_RETURN_POINTER(s);
}

/* ---------- the result: styring.ranked[] ---------- */

enum
{
	COL_LABEL, COL_VALUE, COL_RANK, COL_PERCENT_RANK, COL_CUME_DIST, COL_BAND, COL_GRADE,
	COL_GROUP_SIZE, N_COLS
};

typedef struct RowBuilder
{
	Datum		band_label[3];	/* bottom, middle, top */
	const RankState *state;
	text	   *label;			/* one buffer, reused for every label */
	StyringRowArrayBuilder rows;
} RowBuilder;

static void
emit_row(void *arg, const RankEntry *e, const RankFigures *f)
{
	RowBuilder *b = arg;
	Datum		values[N_COLS];
	bool		nulls[N_COLS];
	const char *bytes;
	size_t		len;

	memset(nulls, f == NULL, sizeof(nulls));
	nulls[COL_LABEL] = !rank_label_get(e, b->state->labels, &bytes, &len);
	if (!nulls[COL_LABEL])
	{
		SET_VARSIZE(b->label, VARHDRSZ + len);
		memcpy(VARDATA(b->label), bytes, len);
		values[COL_LABEL] = PointerGetDatum(b->label);
	}
	nulls[COL_VALUE] = e->key == RANK_NO_VALUE;
	if (!nulls[COL_VALUE])
		values[COL_VALUE] = Float8GetDatum(rank_key_value(e->key));
	if (f)
	{
		values[COL_RANK] = Int64GetDatum(f->rank);
		values[COL_PERCENT_RANK] = Float8GetDatum(f->percent_rank);
		values[COL_CUME_DIST] = Float8GetDatum(f->cume_dist);
		values[COL_BAND] = b->band_label[f->band - BAND_BOTTOM];
		values[COL_GRADE] = Float8GetDatum(f->grade);
		values[COL_GROUP_SIZE] = Int64GetDatum(f->group_size);
	}
	styring_row_array_add(&b->rows, values, nulls);
}

/* The band's word as text, made once per backend (a group of 19 is ranked in microseconds). */
static Datum
band_label(int band)
{
	static Datum labels[3];

	Assert(band >= BAND_BOTTOM && band <= BAND_TOP);
	if (labels[band - BAND_BOTTOM] == (Datum) 0)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		labels[band - BAND_BOTTOM] = CStringGetTextDatum(profile_band_label((ProfileBand) band));
		MemoryContextSwitchTo(old);
	}
	return labels[band - BAND_BOTTOM];
}

static size_t
longest_label(const RankState *s)
{
	size_t		longest = 0;

	for (size_t i = 0; i < s->n; i++)
	{
		const char *bytes;
		size_t		len = 0;

		if (rank_label_get(&s->entries[i], s->labels, &bytes, &len))
			longest = Max(longest, len);
	}
	return longest;
}

Datum
ranking_final(PG_FUNCTION_ARGS)
{
	RankState  *s;
	const StyringRowArray *rows;
	RowBuilder	b;
	double	   *values;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (RankState *) PG_GETARG_POINTER(0);
	/* Reordering the members leaves the state's meaning as it was. */
	sort_state(s);
	rows = styring_row_array(fcinfo, N_COLS);
	for (int band = BAND_BOTTOM; band <= BAND_TOP; band++)
		b.band_label[band - BAND_BOTTOM] = band_label(band);
	b.state = s;
	b.label = palloc(VARHDRSZ + longest_label(s));
	styring_row_array_begin(&b.rows, rows, s->n);
	values = palloc_extended(Max(s->n, 1) * sizeof(double), MCXT_ALLOC_HUGE);
	rank_walk(s->entries, s->n, s->higher_is_better != 0, values, emit_row, &b);
	PG_RETURN_ARRAYTYPE_P(styring_row_array_end(&b.rows));
}
