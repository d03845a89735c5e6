import { nameLengthRule } from "../template/limits";

export const outputNameLength = nameLengthRule("E6011", "Outputs", "Output");
