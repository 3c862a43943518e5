import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars/index.js";
import { Page } from "../../graphql/pagination.js";

@ObjectType({ description: "An in-app notification to the signed-in employee" })
export class Notification {
  @Field(() => ID)
  id!: number;

  @Field(() => ID, { nullable: true })
  reportId!: number | null;

  @Field(() => String, { description: "REPORT_FILED, REPORT_CHANGED, REPORT_ASSIGNED, REPORT_COMMENT, INTERNAL_NOTE, EXTENSION_DECIDED" })
  kind!: string;

  @Field(() => String)
  message!: string;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true })
  readAt!: Date | null;
}

@ObjectType()
export class NotificationPage extends Page(Notification) {}
