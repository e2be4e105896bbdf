# styring - steering information (styringsinformasjon) for PostgreSQL.
# PGXS build: `make && make install`, then `make installcheck` against a running server.

EXTENSION    = styring
EXTVERSION   = 0.3.0
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
               src/csv.o

# Install scripts live at the top level; never glob sql/ (the tests live there).
DATA         = $(wildcard $(EXTENSION)--*.sql)
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
