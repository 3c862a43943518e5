import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum EmployeeRole {
  TEACHER = "TEACHER",
  PRINCIPAL = "PRINCIPAL",
  ESC_DIRECTOR = "ESC_DIRECTOR",
  INSTRUCTIONAL_SUPERINTENDENT = "INSTRUCTIONAL_SUPERINTENDENT",
  HR = "HR",
  DISTRICT_ADMIN = "DISTRICT_ADMIN",
}
registerEnumType(EmployeeRole, { name: "EmployeeRole" });

@ObjectType()
export class Employee {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  employeeNumber!: string;

  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => EmployeeRole)
  role!: EmployeeRole;

  @Field(() => ID, { nullable: true })
  schoolId!: number | null;

  @Field(() => ID, { nullable: true })
  escId!: number | null;

  @Field(() => String, { description: "Regular workday start, HH:MM:SS local time" })
  workdayStart!: string;

  @Field(() => String, { description: "Regular workday end, HH:MM:SS local time" })
  workdayEnd!: string;

  @Field(() => Boolean)
  active!: boolean;
}
