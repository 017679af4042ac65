import "server-only";
import { channelBus } from "@/server/platform/channel-bus";
import { notificationChannel } from "./signal";

// The NOTIFY payload is the id of the user whose notifications changed.
const bus = channelBus<string>("__dihyaNotificationBus", notificationChannel, (userId) => ({ key: userId, message: userId }));

/**
 * Calls `onChange` whenever the user's notifications change (created or read) in any
 * process sharing the database, after the change commits, and after a reconnect (to catch
 * up). Resolves once listening; returns the unsubscribe function.
 */
export function subscribe(userId: string, onChange: () => void): Promise<() => void> {
  return bus.subscribe([userId], () => onChange());
}
