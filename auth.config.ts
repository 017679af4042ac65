import type { NextAuthConfig } from "next-auth";

/**
 * The database-free half of the Auth.js config. Sessions are JWTs; the token carries the
 * user id and the time of sign-in only. Role, locale, disabled state and revocation are
 * re-read from the database on every request (server/auth/guards.ts).
 */
export const authConfig = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.authTime = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: typeof token.sub === "string" ? token.sub : "" },
        authTime: typeof token.authTime === "number" ? token.authTime : 0,
      };
    },
  },
  logger: {
    // Failed sign-ins are expected; they are audited, not stack-traced.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
} satisfies NextAuthConfig;
