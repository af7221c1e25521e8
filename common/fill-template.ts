/** `{name}` in `text` replaced from `params` (formatted by `format`); names not in `params` stay as written. */
export function fillTemplate(
  text: string,
  params: Readonly<Record<string, string | number>>,
  format: (value: string | number) => string = String,
): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? format(params[name]!) : whole,
  );
}
