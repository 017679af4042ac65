import "server-only";
// Every module that calls defineJob is imported here, once, so the runner knows every kind.
// Add one line per module.
