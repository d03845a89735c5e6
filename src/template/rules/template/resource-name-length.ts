import { nameLengthRule } from "./limits";

export const resourceNameLength = nameLengthRule("E3011", "Resources", "Resource");
