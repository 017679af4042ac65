export * from "./platform";
export * from "./services";
export * from "./energy";
export * from "./measurements";
export * from "./billing";
export * from "./devops";
