/** `{{name}}` templates, filled from plain string values. */

const FIELD = /\{\{\s*([\w.-]{1,60})\s*\}\}/g;

/** The field names a template uses. */
export function templateFields(template: string): string[] {
  return [...template.matchAll(FIELD)].map((m) => m[1] as string);
}

/** Fill a template; `null` when a field it needs has no value (the caller rephrases, never prints a hole). */
export function fillTemplate(
  template: string,
  values: Record<string, string | null | undefined>,
): string | null {
  let missing = false;
  const out = template.replace(FIELD, (_, name: string) => {
    const v = values[name];
    if (v === null || v === undefined || v === '') {
      missing = true;
      return '';
    }
    return v;
  });
  return missing ? null : out;
}
