import { getRequestConfig } from "next-intl/server";
import { defaultTimeZone } from "./config";
import { resolveLocale } from "@/server/platform/locale";

/**
 * Locale without a URL segment: the signed-in user's profile, then the cookie,
 * then Accept-Language, then `fr` (see server/platform/locale.ts).
 * Dates and numbers are formatted on the server (Chromium lacks kab/zgh data).
 */
export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    timeZone: defaultTimeZone,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
