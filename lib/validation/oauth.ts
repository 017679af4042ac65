import { z } from "zod";

/** RFC 6749 §4.4 client credentials request (form-encoded; client auth in Basic or in the body). */
export const oauthTokenRequest = z.strictObject({
  grant_type: z.literal("client_credentials", "unsupported_grant_type"),
  scope: z.string().max(1000).optional().describe("Space-separated subset of the client's scopes; all of them when omitted."),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(200).optional(),
});

export const oauthTokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
  scope: z.string(),
});
