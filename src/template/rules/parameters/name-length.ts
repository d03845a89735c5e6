import { nameLengthRule } from "../template/limits";

export const parameterNameLength = nameLengthRule("E2011", "Parameters", "Parameter");
