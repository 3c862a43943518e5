import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { listSelection } from "../../graphql/pagination.js";
import { parseId } from "../../graphql/errors.js";
import { School } from "../schools/school.type.js";
import { StudentListArgs, StudentPage } from "./student.args.js";
import { StudentCreateInput, StudentUpdateInput } from "./student.input.js";
import { createStudent, getStudent, listStudents, updateStudent } from "./student.service.js";
import { Student } from "./student.type.js";

@Resolver(() => Student)
export class StudentResolver {
  @Allow("student.read")
  @Query(() => StudentPage)
  students(@Args(() => StudentListArgs) args: StudentListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listStudents(ctx.db, ctx.actor!, args, listSelection(info), ctx.loaders);
  }

  @Allow("student.read")
  @Query(() => Student)
  student(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getStudent(ctx.db, ctx.actor!, parseId(id));
  }

  @Allow("student.update")
  @Mutation(() => Student)
  createStudent(@Arg("input", () => StudentCreateInput) input: StudentCreateInput, @Ctx() ctx: Context) {
    return createStudent(ctx.db, ctx.actor!, input);
  }

  @Allow("student.update")
  @Mutation(() => Student)
  updateStudent(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => StudentUpdateInput) input: StudentUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateStudent(ctx.db, ctx.actor!, parseId(id), input);
  }

  @FieldResolver(() => String)
  fullName(@Root() root: Student) {
    return `${root.firstName} ${root.lastName}`;
  }

  @FieldResolver(() => School)
  school(@Root() root: Student, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(root.schoolId);
  }
}
