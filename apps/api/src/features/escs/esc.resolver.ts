import { Arg, Authorized, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { EscListArgs, EscPage } from "./esc.args.js";
import { getEsc, listEscs } from "./esc.service.js";
import { Esc } from "./esc.type.js";

@Authorized()
@Resolver(() => Esc)
export class EscResolver {
  @Query(() => EscPage)
  escs(@Args(() => EscListArgs) args: EscListArgs, @Ctx() ctx: Context) {
    return listEscs(ctx.db, ctx.actor!, args);
  }

  @Query(() => Esc)
  esc(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getEsc(ctx.db, ctx.actor!, parseId(id));
  }

  @FieldResolver(() => Int)
  schoolCount(@Root() root: Esc, @Ctx() ctx: Context) {
    return ctx.loaders.schoolCountByEsc.load(root.id);
  }
}
