/** A share as people read it in a message: one decimal, `8.3%`. */
export const percent = (x: number): string => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
