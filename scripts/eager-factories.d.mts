export function eagerFactories(code: string, name: string): string;
