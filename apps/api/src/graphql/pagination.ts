import type DataLoader from "dataloader";
import { and, asc, count, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable, SelectedFields } from "drizzle-orm/pg-core";
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Db } from "@gradewatch/db";
import { badInput } from "./errors.js";

export enum SortOrder {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortOrder, { name: "SortOrder" });

export const MAX_PER_PAGE = 500;

@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 1 })
  page: number = 1;

  @Field(() => Int, { defaultValue: 25, description: `At most ${MAX_PER_PAGE}` })
  perPage: number = 25;

  @Field(() => String, { nullable: true })
  sortField?: string;

  @Field(() => SortOrder, { nullable: true })
  sortOrder?: SortOrder;
}

export function Page<TItem extends object>(itemClass: ClassType<TItem>) {
  @ObjectType()
  abstract class PageClass {
    @Field(() => [itemClass])
    items!: TItem[];

    @Field(() => Int)
    total!: number;
  }
  return PageClass;
}

export interface PageResult<T> {
  items: T[];
  /** Absent when the client did not ask for it. */
  total?: number;
}

/** A to-one relation read in the list's own statement, primed into its DataLoader. */
export interface ToOne {
  table: PgTable;
  /** The columns its loader selects, so that the primed rows are what the loader would have given. */
  columns: SelectedFields & { id: PgColumn };
  /** The listed row's column holding the related row's id. */
  key: PgColumn;
  /** The related rows the actor may see, as its loader applies it. */
  scope?: SQL;
  loader: Pick<DataLoader<number, unknown>, "prime">;
}

export interface PaginateOptions<TTable extends PgTable, TColumns extends SelectedFields> {
  table: TTable;
  /** What each row carries, when it must be less than the whole row (never a password hash). */
  columns?: TColumns;
  where?: SQL;
  sortable: Record<string, PgColumn>;
  defaultSort: string;
  tieBreaker: PgColumn;
  /** Count the matching rows; only when the client selected `total`. */
  total?: boolean;
  toOne?: ToOne[];
}

type Row<TTable extends PgTable, TColumns> = [TColumns] extends [undefined] ? TTable["$inferSelect"] : Pick<TTable["$inferSelect"], keyof TColumns & keyof TTable["$inferSelect"]>;

/**
 * A page of rows in one statement: the total (a count the planner runs once, beside the page's own index
 * scan) and the selected to-one relations (left-joined under their loaders' scope) ride along, so a list
 * costs one round trip to the database however much of it the client asked for.
 */
export async function paginate<TTable extends PgTable, TColumns extends SelectedFields | undefined = undefined>(
  db: Db,
  args: ListArgs,
  options: PaginateOptions<TTable, NonNullable<TColumns>> & { columns?: TColumns },
): Promise<PageResult<Row<TTable, TColumns>>> {
  const { page = 1, perPage = 25 } = args;
  if (!Number.isInteger(page) || page < 1) throw badInput(`page must be 1 or more (got ${page})`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw badInput(`perPage must be between 1 and ${MAX_PER_PAGE} (got ${perPage})`);
  }
  const sortField = args.sortField ?? options.defaultSort;
  // Own keys only: "__proto__" or "constructor" must not reach the query builder.
  const column = Object.hasOwn(options.sortable, sortField) ? options.sortable[sortField] : undefined;
  if (!column) {
    throw badInput(`Cannot sort by "${sortField.slice(0, 40)}"; sortable fields: ${Object.keys(options.sortable).join(", ")}`);
  }
  const direction = args.sortOrder === SortOrder.DESC ? desc : asc;
  const orderBy = column === options.tieBreaker ? [direction(column)] : [direction(column), direction(options.tieBreaker)];
  const table = options.table as PgTable;
  const wantsTotal = options.total ?? true;
  const toOne = options.toOne ?? [];
  const rowColumns: SelectedFields = options.columns ?? getTableColumns(table);
  const selection: Record<string, unknown> = { row: rowColumns };
  toOne.forEach((relation, i) => (selection[`r${i}`] = relation.columns));
  if (wantsTotal) selection.total = sql`(select count(*) from ${table}${options.where ? sql` where ${options.where}` : sql``})`.mapWith(Number).as("total");
  let query = db.select(selection as SelectedFields).from(table).$dynamic();
  for (const relation of toOne) query = query.leftJoin(relation.table, and(eq(relation.columns.id, relation.key), relation.scope));
  const rows = (await query
    .where(options.where)
    .orderBy(...orderBy)
    .limit(perPage)
    .offset((page - 1) * perPage)) as unknown as ({ row: Row<TTable, TColumns>; total?: number } & Record<string, { id: number } | null>)[];
  toOne.forEach((relation, i) => {
    const key = keyName(rowColumns, relation.key);
    for (const r of rows) {
      const id = (r.row as Record<string, unknown>)[key];
      // Null when the relation is outside the actor's scope: the loader would have answered the same.
      if (typeof id === "number") relation.loader.prime(id, r[`r${i}`] ?? undefined);
    }
  });
  const items = rows.map((r) => r.row);
  if (!wantsTotal) return { items };
  if (rows.length > 0) return { items, total: Number(rows[0]!.total) };
  // An empty page carries no row to hold the count: the first page knows it is zero, a later one asks.
  if (page === 1) return { items, total: 0 };
  const [counted] = await db.select({ total: count() }).from(table).where(options.where);
  return { items, total: Number(counted?.total ?? 0) };
}

// The property under which the listed row carries a column (drizzle names result fields by selection key).
function keyName(columns: SelectedFields, column: PgColumn): string {
  const entry = Object.entries(columns).find(([, c]) => c === column);
  if (!entry) throw new Error(`The list does not select ${column.name}, which a relation needs`);
  return entry[0];
}

/** The parts of a page the client selected. */
export interface ListWants {
  total: boolean;
  items: ReadonlySet<string>;
}

/** The relations among `relations` (keyed by their GraphQL field) that the client selected on the items. */
export function selectedToOne(wants: ListWants, relations: Record<string, ToOne>): ToOne[] {
  return Object.entries(relations).flatMap(([field, relation]) => (wants.items.has(field) ? [relation] : []));
}

/** Which parts of a page the client selected: `total`, and the fields of `items` (fragments included). */
export function listSelection(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): ListWants {
  const page = fieldsOf(info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])), info.fragments);
  return { total: page.has("total"), items: new Set(fieldsOf(page.get("items") ?? [], info.fragments).keys()) };
}

function fieldsOf(sets: readonly SelectionSetNode[], fragments: GraphQLResolveInfo["fragments"]): Map<string, SelectionSetNode[]> {
  const fields = new Map<string, SelectionSetNode[]>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const children = fields.get(selection.name.value) ?? [];
        if (selection.selectionSet) children.push(selection.selectionSet);
        fields.set(selection.name.value, children);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return fields;
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function likePattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
