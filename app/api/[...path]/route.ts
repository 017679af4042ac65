import { problem, titles } from "@/server/platform/problem";

/** Unknown /api paths answer problem+json, never an HTML page. */
const notFound = async () => problem(404, "not_found", titles[404]!, "No such API route.");
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
