import "server-only";

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or payload id has the shape of a UUID (anything else is answered as unknown, 404). */
export const isUuid = (value: string): boolean => uuidShape.test(value);
