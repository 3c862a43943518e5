import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { listSelection } from "../../graphql/pagination.js";
import { parseId } from "../../graphql/errors.js";
import { Esc } from "../escs/esc.type.js";
import { School } from "../schools/school.type.js";
import { EmployeeListArgs, EmployeePage } from "./employee.args.js";
import { EmployeeCreateInput, EmployeeUpdateInput } from "./employee.input.js";
import { createEmployee, getEmployee, listEmployees, updateEmployee } from "./employee.service.js";
import { Employee } from "./employee.type.js";

@Resolver(() => Employee)
export class EmployeeResolver {
  @Allow("employee.read")
  @Query(() => EmployeePage)
  employees(@Args(() => EmployeeListArgs) args: EmployeeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listEmployees(ctx.db, ctx.actor!, args, listSelection(info), ctx.loaders);
  }

  @Allow("employee.read")
  @Query(() => Employee)
  employee(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getEmployee(ctx.db, ctx.actor!, parseId(id));
  }

  @Allow("employee.update")
  @Mutation(() => Employee)
  createEmployee(@Arg("input", () => EmployeeCreateInput) input: EmployeeCreateInput, @Ctx() ctx: Context) {
    return createEmployee(ctx.db, ctx.clock, ctx.actor!, input);
  }

  @Allow("employee.update")
  @Mutation(() => Employee, { description: "Deactivate with active: false; employees are never deleted" })
  updateEmployee(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => EmployeeUpdateInput) input: EmployeeUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateEmployee(ctx.db, ctx.actor!, parseId(id), input);
  }

  @FieldResolver(() => String)
  fullName(@Root() root: Employee) {
    return `${root.firstName} ${root.lastName}`;
  }

  @FieldResolver(() => School, { nullable: true })
  school(@Root() root: Employee, @Ctx() ctx: Context) {
    return root.schoolId === null ? null : ctx.loaders.school.load(root.schoolId);
  }

  @FieldResolver(() => Esc, { nullable: true })
  esc(@Root() root: Employee, @Ctx() ctx: Context) {
    return root.escId === null ? null : ctx.loaders.esc.load(root.escId);
  }
}
