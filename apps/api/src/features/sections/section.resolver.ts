import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { listSelection } from "../../graphql/pagination.js";
import { parseId } from "../../graphql/errors.js";
import { Employee } from "../employees/employee.type.js";
import { School } from "../schools/school.type.js";
import { SectionListArgs, SectionPage } from "./section.args.js";
import { SectionCreateInput, SectionUpdateInput } from "./section.input.js";
import { createSection, getSection, listSections, updateSection } from "./section.service.js";
import { Section } from "./section.type.js";

@Resolver(() => Section)
export class SectionResolver {
  @Allow("section.read")
  @Query(() => SectionPage)
  sections(@Args(() => SectionListArgs) args: SectionListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listSections(ctx.db, ctx.actor!, args, listSelection(info), ctx.loaders);
  }

  @Allow("section.read")
  @Query(() => Section)
  section(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getSection(ctx.db, ctx.actor!, parseId(id));
  }

  @Allow("section.update")
  @Mutation(() => Section)
  createSection(@Arg("input", () => SectionCreateInput) input: SectionCreateInput, @Ctx() ctx: Context) {
    return createSection(ctx.db, ctx.actor!, input);
  }

  @Allow("section.update")
  @Mutation(() => Section)
  updateSection(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => SectionUpdateInput) input: SectionUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateSection(ctx.db, ctx.actor!, parseId(id), input);
  }

  @FieldResolver(() => School)
  school(@Root() root: Section, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(root.schoolId);
  }

  @FieldResolver(() => Employee)
  teacher(@Root() root: Section, @Ctx() ctx: Context) {
    return ctx.loaders.employee.load(root.teacherId);
  }

  @FieldResolver(() => Int)
  enrolledCount(@Root() root: Section, @Ctx() ctx: Context) {
    return ctx.loaders.enrolledCountBySection.load(root.id);
  }
}
