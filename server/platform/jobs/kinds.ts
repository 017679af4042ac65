import "server-only";
// Every module that calls defineJob is imported here, once, so the runner knows every kind.
// Add one line per module.
import "./cleanup";
import "@/server/platform/webhooks/deliver-job";
import "@/server/platform/notifications/email-job";
import "@/server/energy/maintenance/jobs";
import "@/server/energy/alerts/jobs";
import "@/server/energy/forecast/jobs";
