import { exportMyData as exportMyDataEndpoint } from "@/server/api/endpoints/payments";
import { defineRoute } from "@/server/auth/define-route";
import { exportMyData } from "@/server/energy/clients/data-export";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: "my data" — everything Dihya holds about the signed-in client, as a JSON attachment. */
export const GET = defineRoute(exportMyDataEndpoint, async ({ actor, tx }) => {
  const { code, data } = await exportMyData(tx, actor);
  return new Response(JSON.stringify(data, null, 2), {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="dihya-my-data-${code.replace(/[^A-Za-z0-9-]/g, "")}.json"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
