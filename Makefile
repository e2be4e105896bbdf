# styring - steering information (styringsinformasjon) for PostgreSQL.
# PGXS build: `make && make install`, then `make installcheck` against a running server.

EXTENSION    = styring
EXTVERSION   = 0.4.0
MODULE_big   = styring
OBJS         = src/styring.o \
               src/row_array.o \
               src/core/scan.o \
               src/core/number.o \
               src/core/target_core.o \
               src/target.o \
               src/attainment.o \
               src/core/profile_core.o \
               src/profile.o \
               src/profile_cache.o \
               src/core/ranking_core.o \
               src/ranking.o \
               src/core/goalpath_core.o \
               src/goalpath.o \
               src/goalpath_planner.o \
               src/core/chain_core.o \
               src/chain.o \
               src/core/eval_usage_core.o \
               src/eval_usage.o \
               src/evaluation.o \
               src/core/csv_core.o \
               src/csv.o \
               src/kostra_file.o \
               src/kostra_code.o

# Install scripts live at the top level; never glob sql/ (the tests live there).
# The current version's script and its upgrade from the last release are made
# from the sources by concern in src/sql/ (see "The SQL sources" below) and
# committed; older released scripts are kept as they were released.
SQL_SOURCES  = $(sort $(wildcard $(srcdir)/src/sql/[0-9]*.sql))
# what the update from the last release makes again (only what changed)
SQL_UPDATE   = $(addprefix $(srcdir)/src/sql/,01_schema.sql 70_model.sql 72_analysis.sql 72_evaluation_goals.sql 72_target_versions.sql 72_views.sql 73_stored_profiles.sql 74_pipeline_apply.sql 75_accounts.sql 75_budget.sql 75_ledger.sql 75_periods.sql 76_loaders.sql 77_code_changes.sql 78_kostra_file.sql 79_kostra_controls.sql 80_report.sql)
LAST_RELEASE = 0.3.0
UPDATE_SQL   = $(EXTENSION)--$(LAST_RELEASE)--$(EXTVERSION).sql
UPDATE_PARTS = $(srcdir)/src/sql/upgrade/$(LAST_RELEASE)--$(EXTVERSION).sql $(SQL_UPDATE) $(srcdir)/src/sql/upgrade/models_behind.sql
SQL_BUILT    = $(EXTENSION)--$(EXTVERSION).sql $(UPDATE_SQL)
DATA         = $(sort $(wildcard $(EXTENSION)--*.sql) $(SQL_BUILT))
DOCS         = $(wildcard doc/*.md)

REGRESS      = setup target attainment profile goalpath evaluation clients
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)

PG_CPPFLAGS  = -I$(srcdir)/src -DSTYRING_VERSION=\"$(EXTVERSION)\"
# `make WERROR=1` turns every warning into an error (CI does this).
ifdef WERROR
PG_CFLAGS   += -Werror
endif
PG_CFLAGS   += -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare

PG_CONFIG   ?= pg_config
PGXS        := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Rebuild when a header changes (PGXS does not track them for us).
$(OBJS): $(wildcard $(srcdir)/src/*.h $(srcdir)/src/core/*.h)

# The SQL sources. A fresh install runs every source in order, with CREATE OR
# REPLACE made CREATE (an install creates, never replaces); the upgrade from the
# last release runs its prelude (what was dropped or changed shape) and then the
# sources of what an update makes again, as written. `make sql-check` fails
# when a committed script differs from what its sources make.
all: $(SQL_BUILT)

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_SOURCES) $(srcdir)/Makefile
	@test -n "$(SQL_SOURCES)" || { echo "no SQL sources in src/sql"; exit 1; }
	sed -e 's/^CREATE OR REPLACE /CREATE /' $(SQL_SOURCES) > $@

$(UPDATE_SQL): $(UPDATE_PARTS) $(srcdir)/Makefile
	cat $(UPDATE_PARTS) > $@

.PHONY: sql-check
sql-check:
	@tmp=$$(mktemp -d) && \
	sed -e 's/^CREATE OR REPLACE /CREATE /' $(SQL_SOURCES) > $$tmp/full.sql && \
	cat $(UPDATE_PARTS) > $$tmp/upgrade.sql && \
	cmp -s $$tmp/full.sql $(EXTENSION)--$(EXTVERSION).sql && cmp -s $$tmp/upgrade.sql $(UPDATE_SQL); \
	rc=$$?; rm -rf $$tmp; \
	if [ $$rc -eq 0 ]; then echo "sql-check: $(SQL_BUILT) are what src/sql makes"; \
	else echo "sql-check: a committed install script differs from src/sql; run make and commit"; fi; exit $$rc
