/** A form-level outcome: an alert for errors, a polite status for success. */
export function FormMessage({ message }: { message: { tone: "success" | "error"; text: string } | null }) {
  if (!message) return null;
  return (
    <p
      role={message.tone === "error" ? "alert" : "status"}
      className={`text-sm ${message.tone === "error" ? "text-danger" : "text-success"}`}
    >
      {message.text}
    </p>
  );
}
