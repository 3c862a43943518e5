import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { Section } from "../sections/section.type.js";
import { enrollStudent, unenrollStudent } from "./enrollment.service.js";

@Resolver()
export class EnrollmentResolver {
  @Allow("section.update")
  @Mutation(() => Section, { description: "Puts a student of the section's school on its roster; enrolling twice changes nothing, enrolling after an end starts a new enrollment" })
  enrollStudent(@Arg("sectionId", () => ID) sectionId: string, @Arg("studentId", () => ID) studentId: string, @Ctx() ctx: Context) {
    return enrollStudent(ctx.db, ctx.actor!, ctx.clock, parseId(sectionId, "sectionId"), parseId(studentId, "studentId"));
  }

  @Allow("section.update")
  @Mutation(() => Section, { description: "Ends the student's enrollment in the section (kept as history); refused while they have marks in the section" })
  unenrollStudent(@Arg("sectionId", () => ID) sectionId: string, @Arg("studentId", () => ID) studentId: string, @Ctx() ctx: Context) {
    return unenrollStudent(ctx.db, ctx.actor!, ctx.clock, parseId(sectionId, "sectionId"), parseId(studentId, "studentId"));
  }
}
