import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { EscListArgs, EscPage } from "./esc.args.js";
import { getEsc, listEscs } from "./esc.service.js";
import { Esc } from "./esc.type.js";

@Resolver(() => Esc)
export class EscResolver {
  @Allow("esc.read")
  @Query(() => EscPage)
  escs(@Args(() => EscListArgs) args: EscListArgs, @Ctx() ctx: Context) {
    return listEscs(ctx.db, ctx.actor!, args);
  }

  @Allow("esc.read")
  @Query(() => Esc)
  esc(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getEsc(ctx.db, ctx.actor!, parseId(id));
  }

  @FieldResolver(() => Int)
  schoolCount(@Root() root: Esc, @Ctx() ctx: Context) {
    return ctx.loaders.schoolCountByEsc.load(root.id);
  }
}
