import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { listSelection } from "../../graphql/pagination.js";
import { parseId } from "../../graphql/errors.js";
import { Employee } from "../employees/employee.type.js";
import { Esc } from "../escs/esc.type.js";
import { SchoolListArgs, SchoolPage } from "./school.args.js";
import { SchoolCreateInput, SchoolUpdateInput } from "./school.input.js";
import { createSchool, deleteSchool, getSchool, listSchools, updateSchool } from "./school.service.js";
import { School } from "./school.type.js";

@Resolver(() => School)
export class SchoolResolver {
  @Allow("school.read")
  @Query(() => SchoolPage)
  schools(@Args(() => SchoolListArgs) args: SchoolListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listSchools(ctx.db, ctx.actor!, args, listSelection(info), ctx.loaders);
  }

  @Allow("school.read")
  @Query(() => School)
  school(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getSchool(ctx.db, ctx.actor!, parseId(id));
  }

  @Allow("school.update")
  @Mutation(() => School)
  createSchool(@Arg("input", () => SchoolCreateInput) input: SchoolCreateInput, @Ctx() ctx: Context) {
    return createSchool(ctx.db, input);
  }

  @Allow("school.update")
  @Mutation(() => School)
  updateSchool(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => SchoolUpdateInput) input: SchoolUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateSchool(ctx.db, ctx.actor!, parseId(id), input);
  }

  @Allow("school.update")
  @Mutation(() => School)
  deleteSchool(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return deleteSchool(ctx.db, parseId(id));
  }

  @FieldResolver(() => Esc)
  esc(@Root() root: School, @Ctx() ctx: Context) {
    return ctx.loaders.esc.load(root.escId);
  }

  @FieldResolver(() => Employee, { nullable: true })
  principal(@Root() root: School, @Ctx() ctx: Context) {
    return root.principalId === null ? null : ctx.loaders.employee.load(root.principalId);
  }
}
