/*
 * goalpath_planner.c - how the planner sees the goal-chain operators
 * "x <@ b" (x is b or a descendant of it) and "b @> x".
 *
 * The test is a range in tree order: b <= x < goalpath_subtree_end(b). The
 * operators stay operators in every plan and query text (so postgres_fdw and
 * Citus ship "x <@ 'a.b'" as written), and the range appears only where a
 * btree index scans it, as two index conditions. The upper bound is shown as
 * a call of goalpath_subtree_end, never as a folded constant: its value is
 * not a valid path, and a plan printed for another server must parse there.
 * The same two clauses give the operators their selectivity estimates.
 */
#include "styring.h"

#include "access/stratnum.h"
#include "catalog/pg_am.h"
#include "catalog/pg_type.h"
#include "commands/defrem.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "parser/parse_func.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"

PG_FUNCTION_INFO_V1(goalpath_subtree_support);
PG_FUNCTION_INFO_V1(goalpath_subtree_restrict);
PG_FUNCTION_INFO_V1(goalpath_subtree_join);

/*
 * Which argument of a subtree test is the descendant (0 or 1), by the name of
 * the function that implements it; -1 for any other function.
 */
static int
descendant_argno(Oid funcid)
{
	char	   *name = get_func_name(funcid);

	if (name == NULL)
		return -1;
	if (strcmp(name, "goalpath_descendant_of") == 0)
		return 0;
	if (strcmp(name, "goalpath_ancestor_of") == 0 || strcmp(name, "is_ancestor") == 0)
		return 1;
	return -1;
}

/* goalpath_subtree_end(ancestor), from the schema the operator lives in. */
static Expr *
subtree_end_call(Oid sibling_funcid, Oid goalpath_type, Expr *ancestor)
{
	char	   *schema = get_namespace_name(get_func_namespace(sibling_funcid));
	Oid			funcid = LookupFuncName(list_make2(makeString(schema),
												   makeString("goalpath_subtree_end")),
										1, &goalpath_type, false);

	return (Expr *) makeFuncExpr(funcid, goalpath_type, list_make1(ancestor),
								 InvalidOid, InvalidOid, COERCE_EXPLICIT_CALL);
}

/*
 * The range "ancestor <= descendant AND descendant < subtree_end(ancestor)"
 * with the >= and < of the given btree operator family; NIL when the family
 * has no such operators for goalpath.
 */
static List *
subtree_range(Oid opfamily, Oid funcid, Expr *descendant, Expr *ancestor)
{
	Oid			type = exprType((Node *) descendant);
	Oid			ge = get_opfamily_member(opfamily, type, type, BTGreaterEqualStrategyNumber);
	Oid			lt = get_opfamily_member(opfamily, type, type, BTLessStrategyNumber);

	if (!OidIsValid(ge) || !OidIsValid(lt))
		return NIL;
	return list_make2(make_opclause(ge, BOOLOID, false, descendant, ancestor,
									InvalidOid, InvalidOid),
					  make_opclause(lt, BOOLOID, false, descendant,
									subtree_end_call(funcid, type, ancestor),
									InvalidOid, InvalidOid));
}

/* The same range with goalpath's default btree operators, for estimates. */
static List *
subtree_range_for_estimate(Oid funcid, List *args)
{
	int			d = descendant_argno(funcid);
	Oid			opclass;

	if (d < 0 || list_length(args) != 2)
		return NIL;
	opclass = GetDefaultOpClass(exprType(linitial(args)), BTREE_AM_OID);
	if (!OidIsValid(opclass))
		return NIL;
	return subtree_range(get_opclass_family(opclass), funcid,
						 (Expr *) list_nth(args, d), (Expr *) list_nth(args, 1 - d));
}

/*
 * Support function of goalpath_descendant_of, goalpath_ancestor_of and
 * is_ancestor: turns "x <@ b" into the index range when x is a column of a
 * btree index in tree order and b does not depend on the indexed table.
 */
Datum
goalpath_subtree_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestIndexCondition *req;
	List	   *args;
	int			d;
	Expr	   *ancestor;
	List	   *range;

	if (!IsA(rawreq, SupportRequestIndexCondition))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestIndexCondition *) rawreq;
	if (req->index->relam != BTREE_AM_OID)
		PG_RETURN_POINTER(NULL);
	if (IsA(req->node, OpExpr))
		args = ((OpExpr *) req->node)->args;
	else if (IsA(req->node, FuncExpr))
		args = ((FuncExpr *) req->node)->args;
	else
		PG_RETURN_POINTER(NULL);
	d = descendant_argno(req->funcid);
	if (d < 0 || req->indexarg != d || list_length(args) != 2)
		PG_RETURN_POINTER(NULL);

	ancestor = (Expr *) list_nth(args, 1 - d);
	if (bms_is_member(req->index->rel->relid, pull_varnos(req->root, (Node *) ancestor)) ||
		contain_volatile_functions((Node *) ancestor))
		PG_RETURN_POINTER(NULL);

	range = subtree_range(req->opfamily, req->funcid, (Expr *) list_nth(args, d), ancestor);
	req->lossy = false;			/* the range is the test, exactly */
	PG_RETURN_POINTER(range);
}

/* RESTRICT estimator of <@ and @>: the selectivity of the range. */
Datum
goalpath_subtree_restrict(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	List	   *range = subtree_range_for_estimate(get_opcode(operator), args);

	if (range == NIL)
		PG_RETURN_FLOAT8(DEFAULT_INEQ_SEL);
	PG_RETURN_FLOAT8(clauselist_selectivity(root, range, varRelid, JOIN_INNER, NULL));
}

/* JOIN estimator of <@ and @>: the selectivity of the range as a join. */
Datum
goalpath_subtree_join(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	JoinType	jointype = (JoinType) PG_GETARG_INT16(3);
	SpecialJoinInfo *sjinfo = (SpecialJoinInfo *) PG_GETARG_POINTER(4);
	List	   *range = subtree_range_for_estimate(get_opcode(operator), args);

	if (range == NIL)
		PG_RETURN_FLOAT8(DEFAULT_INEQ_SEL * DEFAULT_INEQ_SEL);
	PG_RETURN_FLOAT8(clauselist_selectivity(root, range, 0, jointype, sjinfo));
}
