import { Field, ID, ObjectType } from "type-graphql";
import { EmployeeRole } from "../employees/employee.type.js";

@ObjectType({ description: "The signed-in employee and what they may see" })
export class Viewer {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  fullName!: string;

  @Field(() => EmployeeRole)
  role!: EmployeeRole;

  @Field(() => ID, { nullable: true })
  schoolId!: number | null;

  @Field(() => ID, { nullable: true })
  escId!: number | null;

  @Field(() => String, { description: "Human-readable scope, e.g. 'ESC North' or 'Elm Street Elementary'" })
  scope!: string;
}
