import { Ctx, Query, Resolver } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { SignedInContext } from "../../graphql/context.js";
import { viewerOf } from "./viewer.service.js";
import { Viewer } from "./viewer.type.js";

@Resolver()
export class AuthResolver {
  @Allow("signedIn")
  @Query(() => Viewer)
  me(@Ctx() ctx: SignedInContext) {
    return viewerOf(ctx.db, ctx.actor);
  }
}
