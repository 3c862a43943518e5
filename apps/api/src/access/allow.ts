import { type FieldRule, rolesFor } from "@gradewatch/domain/policy";
import { Authorized, Extensions } from "type-graphql";

/**
 * The one line that names a Query or Mutation field's rule in the access policy
 * (packages/domain/src/policy.ts), kept on the field's extensions so tests can walk the schema. A change
 * admits only the roles the policy gives some reach; a read admits anyone signed in and its scope decides,
 * so what a role may never see answers exactly like what does not exist.
 */
export function Allow(rule: FieldRule): MethodDecorator {
  return (target, key, descriptor) => {
    Extensions({ access: rule })(target, key, descriptor);
    if (rule === "public") return;
    Authorized(rule === "signedIn" || rule.endsWith(".read") ? [] : rolesFor(rule))(target, key, descriptor);
  };
}

/** The rule a field's @Allow named, read back from the built schema. */
export const accessRuleOf = (field: { extensions?: Readonly<Record<string, unknown>> | null }) => field.extensions?.access as FieldRule | undefined;
