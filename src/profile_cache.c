/*
 * profile_cache.c - the backend's cache of stored profiles, shared by every
 * function of a transaction and bounded by styring.profile_cache_size: how
 * PG_GETARG_PROFILE_P reads a profile argument (profile_arg), and what
 * styring.profile_cache_stats() reports of it.
 */
#include "styring.h"
#include "profile.h"

#include <limits.h>

#include "access/detoast.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "funcapi.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

PG_FUNCTION_INFO_V1(profile_cache_stats);

/*
 * styring.profile_cache_size, in kB. 128 MB holds a national ranking's
 * profiles (1 000 groups of 10 000 values take 80 MB detoasted); a query that
 * needs more reads the rest again for every row, which is slow, so the bound
 * is generous: 20 dashboard sessions at it take 2.5 GB.
 */
#define PROFILE_CACHE_DEFAULT_KB (128 * 1024)
static int	profile_cache_kb = PROFILE_CACHE_DEFAULT_KB;

/*
 * The profile argument, detoasted. A profile stored in a table is toasted
 * out of line once it has more than a few hundred values, and a query that
 * ranks every row of a table against stored profiles asks each of them many
 * times, in no particular order. So the backend keeps the profiles it has
 * fetched, keyed by their toast pointer, in one cache that every call site
 * shares (rank_in, percent_rank_in, grade, ... in one query hold one copy),
 * up to styring.profile_cache_size in all. The cache lives in the
 * transaction's memory and goes with it: a toast pointer names an immutable
 * value, and within one transaction no other value can take its identity.
 */
typedef struct ProfileCacheKey
{
	Oid			toastrelid;
	Oid			valueid;
} ProfileCacheKey;

typedef struct ProfileCacheEntry
{
	ProfileCacheKey key;
	Profile    *profile;
} ProfileCacheEntry;

typedef struct ProfileCache
{
	MemoryContext cxt;			/* holds the hash table and the copies */
	HTAB	   *entries;
	Size		bytes;
	uint64		hits;
	uint64		misses;			/* fetched from the toast table: cached or not */
	bool		warned;			/* the budget ran out; the NOTICE was given */
} ProfileCache;

/* The transaction's cache, or NULL; cleared when the transaction ends. */
static ProfileCache *profile_cache_now = NULL;

static void
profile_cache_forget(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
		case XACT_EVENT_PREPARE:
			profile_cache_now = NULL;	/* its memory goes with the transaction's */
			break;
		default:
			break;
	}
}

/* Called once by _PG_init: the setting, and the callback that forgets the cache. */
void
styring_profile_cache_register(void)
{
	DefineCustomIntVariable("styring.profile_cache_size",
							"Memory a backend may keep, per transaction, for the profiles it read from tables.",
							"Ranking many rows against stored (toasted) profiles reads each profile once "
							"and keeps it, for every function of the query, up to this size in all; "
							"0 turns the cache off.",
							&profile_cache_kb,
							PROFILE_CACHE_DEFAULT_KB, 0, INT_MAX / 2,
							PGC_USERSET, GUC_UNIT_KB,
							NULL, NULL, NULL);
	RegisterXactCallback(profile_cache_forget, NULL);
}

static ProfileCache *
profile_cache(void)
{
	if (profile_cache_now == NULL)
	{
		MemoryContext cxt = AllocSetContextCreate(TopTransactionContext, "styring profile cache",
												  ALLOCSET_DEFAULT_SIZES);
		ProfileCache *cache = MemoryContextAllocZero(cxt, sizeof(ProfileCache));
		HASHCTL		ctl;

		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = sizeof(ProfileCacheKey);
		ctl.entrysize = sizeof(ProfileCacheEntry);
		ctl.hcxt = cxt;
		cache->cxt = cxt;
		cache->entries = hash_create("styring profile cache", 64, &ctl,
									 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		profile_cache_now = cache;
	}
	return profile_cache_now;
}

Profile *
profile_arg(FunctionCallInfo fcinfo, int argno)
{
	Datum		d = PG_GETARG_DATUM(argno);
	struct varlena *raw = (struct varlena *) DatumGetPointer(d);
	Profile    *p;

	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		struct varatt_external ext;
		ProfileCache *cache = profile_cache();
		Size		budget = (Size) profile_cache_kb * 1024;
		ProfileCacheKey key;
		ProfileCacheEntry *entry;
		bool		found;

		VARATT_EXTERNAL_GET_POINTER(ext, raw);
		memset(&key, 0, sizeof(key));
		key.toastrelid = ext.va_toastrelid;
		key.valueid = ext.va_valueid;
		entry = hash_search(cache->entries, &key, HASH_FIND, NULL);
		if (entry)
		{
			cache->hits++;
			return entry->profile;
		}
		cache->misses++;

		/*
		 * Cache until the budget is spent, then keep what is cached and read
		 * the rest each time: evicting in a query that cycles through more
		 * profiles than fit would miss every time. Say so once.
		 */
		if (cache->bytes + (Size) ext.va_rawsize <= budget)
		{
			MemoryContext old = MemoryContextSwitchTo(cache->cxt);

			p = (Profile *) PG_DETOAST_DATUM_COPY(d);
			MemoryContextSwitchTo(old);
			profile_check(p);
			entry = hash_search(cache->entries, &key, HASH_ENTER, &found);
			entry->profile = p;
			cache->bytes += VARSIZE(p);
			return p;
		}
		if (!cache->warned)
		{
			cache->warned = true;
			ereport(NOTICE,
					(errmsg("the stored profiles this transaction reads do not fit in styring.profile_cache_size (%d kB)",
							profile_cache_kb),
					 errhint("Profiles beyond it are read again for every row; "
							 "SET styring.profile_cache_size to more for this query.")));
		}
	}
	p = (Profile *) PG_DETOAST_DATUM(d);
	profile_check(p);
	return p;
}

/*
 * styring.profile_cache_stats(): what this backend's cache holds in the
 * current transaction, and how often it was asked.
 */
Datum
profile_cache_stats(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};
	ProfileCache *cache = profile_cache_now;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "profile_cache_stats must return a composite type");
	desc = BlessTupleDesc(desc);
	values[0] = Int64GetDatum(cache ? (int64) hash_get_num_entries(cache->entries) : 0);
	values[1] = Int64GetDatum(cache ? (int64) cache->bytes : 0);
	values[2] = Int64GetDatum(cache ? (int64) cache->hits : 0);
	values[3] = Int64GetDatum(cache ? (int64) cache->misses : 0);
	values[4] = Int64GetDatum((int64) profile_cache_kb * 1024);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
