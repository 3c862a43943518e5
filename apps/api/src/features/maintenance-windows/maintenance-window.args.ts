import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { MaintenanceWindow } from "./maintenance-window.type.js";

@InputType()
export class MaintenanceWindowFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

@ArgsType()
export class MaintenanceWindowListArgs extends ListArgs {
  @Field(() => MaintenanceWindowFilter, { nullable: true })
  filter?: MaintenanceWindowFilter;
}

@ObjectType()
export class MaintenanceWindowPage extends Page(MaintenanceWindow) {}
