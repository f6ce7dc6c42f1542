// Typings for htl (Observable's Hypertext Literal; the package ships none): tagged templates that
// build DOM with auto-escaped values. `html` returns an element (or a fragment for several roots).
declare module "htl" {
  type Tag = (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement & SVGElement;
  export const html: Tag & {
    fragment: (strings: TemplateStringsArray, ...values: unknown[]) => DocumentFragment;
  };
  export const svg: ((strings: TemplateStringsArray, ...values: unknown[]) => SVGElement) & {
    fragment: (strings: TemplateStringsArray, ...values: unknown[]) => DocumentFragment;
  };
}
