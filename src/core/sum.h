/*
 * sum.h - Neumaier's compensated summation, shared by the aggregates' sums.
 * Plain C.
 */
#ifndef STYRING_SUM_H
#define STYRING_SUM_H

#include <math.h>

/* *sum + *comp is the running total; the lost low-order bits collect in *comp. */
static inline void
compensated_add(double *sum, double *comp, double x)
{
	double		t = *sum + x;

	if (fabs(*sum) >= fabs(x))
		*comp += (*sum - t) + x;
	else
		*comp += (x - t) + *sum;
	*sum = t;
}

#endif
