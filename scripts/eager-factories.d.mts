export interface FactoryRange {
  start: number;
  end: number;
}
export function moduleFactories(code: string, name: string): FactoryRange[];
export function isParenthesized(code: string, range: FactoryRange): boolean;
export function eagerFactories(code: string, name: string): string;
