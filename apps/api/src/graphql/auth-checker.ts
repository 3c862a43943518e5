import type { AuthChecker } from "type-graphql";
import type { Context } from "./context.js";
import { AppError } from "./errors.js";

/** Signed-in is required everywhere it is declared; roles, when listed, must include the actor's. */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return roles.length === 0 || roles.includes(context.actor.role);
};
