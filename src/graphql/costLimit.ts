import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  valueFromASTUntyped,
  type ASTVisitor,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql'

/** Payload's default page size when a list query gives no `limit`. */
const DEFAULT_LIST = 10
/** What an unbounded list (`limit: 0`, `pagination: false`) counts as: never within budget below. */
const UNBOUNDED = 10_000

/**
 * A GraphQL query's cost in records the server may have to load: every object (a record, a populated
 * relationship) costs 1, and a list multiplies what is inside it by its size — the `limit` argument where the
 * field takes one (Payload's collection queries and join fields; 10 when omitted), 10 for other lists (hasMany
 * relationships, arrays). Payload's own complexity rule adds each field once, whatever the list sizes, so a
 * nested query over lists of lists passed it and ran for seconds. Scalars cost nothing: they come with their row.
 */
export function queryCost(context: ValidationContext, selectionSet: SelectionSetNode, type: GraphQLCompositeType, variables: Record<string, unknown>, seen = new Set<string>()): number {
  let total = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!('getFields' in type)) continue
      const field = (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[selection.name.value]
      if (!field || !selection.selectionSet) continue
      const named = getNamedType(field.type)
      if (!isCompositeType(named)) continue
      const args = Object.fromEntries((selection.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]))
      const takesLimit = field.args.some((a) => a.name === 'limit')
      let size = 1
      if (takesLimit) {
        const limit = args.limit == null ? DEFAULT_LIST : Number(args.limit)
        size = args.pagination === false || !(limit > 0) ? UNBOUNDED : limit
      } else if (isListType(getNullableType(field.type)) && !isPageOfDocs(type)) size = DEFAULT_LIST
      total += size * (1 + queryCost(context, selection.selectionSet, named, variables, seen))
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? (context.getSchema().getType(selection.typeCondition.name.value) as GraphQLCompositeType) : type
      total += queryCost(context, selection.selectionSet, on ?? type, variables, seen)
    } else {
      const name = selection.name.value
      const fragment = context.getFragment(name)
      if (!fragment || seen.has(name)) continue // a fragment cycle is reported by graphql's own rules
      const on = context.getSchema().getType(fragment.typeCondition.name.value) as GraphQLCompositeType
      total += queryCost(context, fragment.selectionSet, on ?? type, variables, new Set([...seen, name]))
    }
  }
  return total
}

/** Payload's page type (`Staffs { docs, totalDocs, … }`): its `docs` list is the page its parent's `limit` sized. */
function isPageOfDocs(type: GraphQLCompositeType): boolean {
  return 'getFields' in type && 'docs' in type.getFields() && 'totalDocs' in type.getFields()
}

/**
 * A validation rule: a query whose cost is over `maxCost` (HOSO_GRAPHQL_MAX_COST, default 1000 records) is refused
 * before it runs, with the cost and the limit in Vietnamese and English.
 */
export function costLimitRule(maxCost: number, variables: Record<string, unknown> = {}) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const root = node.operation === 'mutation' ? context.getSchema().getMutationType() : context.getSchema().getQueryType()
      if (!root) return
      const cost = queryCost(context, node.selectionSet, root, variables)
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            `Truy vấn quá lớn: ước tính ${cost} bản ghi, tối đa ${maxCost}; hãy giảm limit hoặc bớt danh sách lồng nhau / ` +
              `Query too large: an estimated ${cost} records, at most ${maxCost}; lower the limits or nest fewer lists`,
            { nodes: [node] },
          ),
        )
      }
    },
  })
}

export function graphqlMaxCost(): number {
  const v = Number(process.env.HOSO_GRAPHQL_MAX_COST)
  return Number.isInteger(v) && v > 0 ? v : 1000
}
