// The client space uses the same role-aware shell as the staff pages.
export { default } from "../(staff)/layout";
