import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { Employee, EmployeeRole } from "./employee.type.js";

@InputType()
export class EmployeeFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true, description: "Matches name, email or employee number" })
  q?: string;

  @Field(() => EmployeeRole, { nullable: true })
  role?: EmployeeRole;

  @Field(() => ID, { nullable: true })
  schoolId?: string;

  @Field(() => ID, { nullable: true, description: "Staff of the ESC and of its schools" })
  escId?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

@ArgsType()
export class EmployeeListArgs extends ListArgs {
  @Field(() => EmployeeFilter, { nullable: true })
  filter?: EmployeeFilter;
}

@ObjectType()
export class EmployeePage extends Page(Employee) {}
