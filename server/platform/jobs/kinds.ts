import "server-only";
// Every module that calls defineJob is imported here, once, so the runner knows every kind.
// Add one line per module.
import "./cleanup";
import "@/server/platform/webhooks/deliver-job";
import "@/server/platform/notifications/email-job";
import "@/server/energy/maintenance/jobs";
import "@/server/energy/alerts/jobs";
import "@/server/energy/forecast/jobs";
import "@/server/energy/billing/billing-run-job";
import "@/server/energy/clients/invitation-email";
import "@/server/energy/payments/jobs";
import "@/server/energy/payments/overdue-job";
import "@/server/energy/payments/reminders-job";
import "@/server/devops/alerts/jobs";
import "@/server/devops/incidents/jobs";
import "@/server/devops/monitoring/jobs";
