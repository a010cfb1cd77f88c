/**
 * Our API never puts a CPR number in a URL, but a client might. Anything shaped
 * like one (DDMMYY-SSSS, with or without the dash) is blanked before a path is
 * logged or echoed in an error.
 */
export function redactPath(url: string): string {
  const path = url.split("?")[0] ?? url;
  return path.replace(/(?<!\d)\d{6}-?\d{4}(?!\d)/g, "[redacted]");
}
