import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticate } from "@/server/auth/authenticate";
import { signInSchema } from "@/lib/validation/auth";

class LockedSignIn extends CredentialsSignin {
  code = "locked";
}
class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

declare module "next-auth" {
  interface Session {
    authTime: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: process.env.AUTH_SECRET ?? process.env.DIHYA_AUTH_SECRET,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await authenticate(parsed.data.email, parsed.data.password, request.headers);
        if (outcome.kind === "locked") throw new LockedSignIn();
        if (outcome.kind === "throttled") throw new ThrottledSignIn();
        if (outcome.kind === "invalid") return null;
        return { id: outcome.user.id, name: outcome.user.name, email: outcome.user.email };
      },
    }),
  ],
});
