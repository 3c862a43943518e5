import { asc, count, desc, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
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
  total: number;
}

export interface PaginateOptions<TTable extends PgTable> {
  table: TTable;
  where?: SQL;
  sortable: Record<string, PgColumn>;
  defaultSort: string;
  tieBreaker: PgColumn;
}

export async function paginate<TTable extends PgTable>(
  db: Db,
  args: ListArgs,
  options: PaginateOptions<TTable>,
): Promise<PageResult<TTable["$inferSelect"]>> {
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
  // One after the other: a request's queries share its transaction's connection, which runs one at a time.
  const items = await db
    .select()
    .from(options.table as PgTable)
    .where(options.where)
    .orderBy(...orderBy)
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [totalRow] = await db.select({ total: count() }).from(options.table as PgTable).where(options.where);
  return { items: items as TTable["$inferSelect"][], total: Number(totalRow?.total ?? 0) };
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function likePattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
