import { LocalDateResolver, LocalTimeResolver } from "graphql-scalars";
import { GraphQLISODateTime } from "type-graphql";

export const LocalDate = LocalDateResolver;
export const LocalTime = LocalTimeResolver;
export const DateTime = GraphQLISODateTime;
