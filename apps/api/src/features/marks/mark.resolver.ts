import { Arg, Authorized, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { Employee } from "../employees/employee.type.js";
import { GradingItem, ReportingPeriod } from "../reporting-periods/reporting-period.type.js";
import { School } from "../schools/school.type.js";
import { Section } from "../sections/section.type.js";
import { Student } from "../students/student.type.js";
import { MarkListArgs, MarkPage } from "./mark.args.js";
import { getMark, listMarks } from "./mark.service.js";
import { Mark } from "./mark.type.js";

@Authorized()
@Resolver(() => Mark)
export class MarkResolver {
  @Query(() => MarkPage)
  marks(@Args(() => MarkListArgs) args: MarkListArgs, @Ctx() ctx: Context) {
    return listMarks(ctx.db, ctx.actor!, args);
  }

  @Query(() => Mark)
  mark(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getMark(ctx.db, ctx.actor!, parseId(id));
  }

  @FieldResolver(() => ReportingPeriod)
  period(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.reportingPeriod.load(root.periodId);
  }

  @FieldResolver(() => Section)
  section(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.section.load(root.sectionId);
  }

  @FieldResolver(() => Student)
  student(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.student.load(root.studentId);
  }

  @FieldResolver(() => GradingItem)
  gradingItem(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.gradingItem.load(root.gradingItemId);
  }

  @FieldResolver(() => School)
  school(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(root.schoolId);
  }

  @FieldResolver(() => Employee, { nullable: true, description: "Null when the person is outside your scope" })
  enteredBy(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.employee.load(root.enteredById);
  }
}
