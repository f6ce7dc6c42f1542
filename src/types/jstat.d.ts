// Minimal typings for the parts of jstat this project uses (the package ships none).
declare module "jstat" {
  interface Continuous {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
    pdf(x: number, ...params: number[]): number;
  }
  interface Discrete {
    cdf(k: number, n: number, p: number): number;
    pdf(k: number, n: number, p: number): number;
  }
  export const jStat: {
    normal: Continuous;
    beta: Continuous;
    chisquare: Continuous;
    studentt: Continuous;
    binomial: Discrete;
  };
  const _default: { jStat: typeof jStat } & typeof jStat;
  export default _default;
}
