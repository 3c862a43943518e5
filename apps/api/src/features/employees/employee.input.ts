import { IsEmail, IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { EmployeeRole } from "./employee.type.js";

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/;
const TIME_MESSAGE = "must be a time HH:MM";

@InputType()
export class EmployeeCreateInput {
  @Field(() => String)
  @Matches(/^E[0-9]{7}$/, { message: "employeeNumber must look like E0001234" })
  employeeNumber!: string;

  @Field(() => String)
  @Length(1, 80, { message: "firstName must be 1 to 80 characters" })
  firstName!: string;

  @Field(() => String)
  @Length(1, 80, { message: "lastName must be 1 to 80 characters" })
  lastName!: string;

  @Field(() => String)
  @IsEmail({}, { message: "email must be an email address" })
  email!: string;

  @Field(() => EmployeeRole)
  role!: EmployeeRole;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  escId?: string | null;

  @Field(() => String, { defaultValue: "07:30" })
  @Matches(TIME, { message: `workdayStart ${TIME_MESSAGE}` })
  workdayStart: string = "07:30";

  @Field(() => String, { defaultValue: "15:30" })
  @Matches(TIME, { message: `workdayEnd ${TIME_MESSAGE}` })
  workdayEnd: string = "15:30";

  @Field(() => Boolean, { defaultValue: true })
  active: boolean = true;
}

@InputType()
export class EmployeeUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^E[0-9]{7}$/, { message: "employeeNumber must look like E0001234" })
  employeeNumber?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 80, { message: "firstName must be 1 to 80 characters" })
  firstName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 80, { message: "lastName must be 1 to 80 characters" })
  lastName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "email must be an email address" })
  email?: string;

  @Field(() => EmployeeRole, { nullable: true })
  role?: EmployeeRole;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  escId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TIME, { message: `workdayStart ${TIME_MESSAGE}` })
  workdayStart?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TIME, { message: `workdayEnd ${TIME_MESSAGE}` })
  workdayEnd?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}
