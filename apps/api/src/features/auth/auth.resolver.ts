import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { SignedInContext } from "../../graphql/context.js";
import { viewerOf } from "./viewer.service.js";
import { Viewer } from "./viewer.type.js";

@Resolver()
export class AuthResolver {
  @Authorized()
  @Query(() => Viewer)
  me(@Ctx() ctx: SignedInContext) {
    return viewerOf(ctx.db, ctx.actor);
  }
}
