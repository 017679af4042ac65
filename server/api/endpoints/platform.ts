import "server-only";
import { z } from "zod";
import { createUserSchema, listUsersQuery, updateUserSchema } from "@/lib/validation/users";
import { endpoint } from "../endpoint";
import { healthDto, page, userDto } from "../schemas";
import { oauthTokenRequest, oauthTokenResponse } from "@/lib/validation/oauth";

export const health = endpoint({
  id: "health",
  method: "GET",
  path: "/api/health",
  tag: "platform",
  permission: null,
  response: healthDto,
});

export const openapi = endpoint({
  id: "openapi",
  method: "GET",
  path: "/api/openapi.json",
  tag: "platform",
  permission: null,
  response: z.record(z.string(), z.unknown()),
});

export const oauthToken = endpoint({
  id: "oauthToken",
  method: "POST",
  path: "/api/oauth/token",
  tag: "auth",
  permission: null,
  body: oauthTokenRequest,
  consumes: "application/x-www-form-urlencoded",
  response: oauthTokenResponse,
  maxBytes: 8 * 1024,
});

export const listUsers = endpoint({
  id: "listUsers",
  method: "GET",
  path: "/api/users",
  tag: "users",
  permission: "users.read",
  query: listUsersQuery,
  response: page(userDto),
});

export const createUser = endpoint({
  id: "createUser",
  method: "POST",
  path: "/api/users",
  tag: "users",
  permission: "users.write",
  body: createUserSchema,
  response: userDto,
  status: 201,
});

export const getUser = endpoint({
  id: "getUser",
  method: "GET",
  path: "/api/users/{id}",
  tag: "users",
  permission: "users.read",
  response: userDto,
});

export const updateUser = endpoint({
  id: "updateUser",
  method: "PATCH",
  path: "/api/users/{id}",
  tag: "users",
  permission: "users.write",
  body: updateUserSchema,
  response: userDto,
});
