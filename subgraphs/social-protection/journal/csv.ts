/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF; a field holding a comma, a double quote,
 * a CR or an LF is put in double quotes, and each double quote inside it is doubled. Small enough to keep here
 * rather than take a dependency for it.
 */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

/**
 * The whole document: a header record, then the rows, each record ended by CRLF. It starts with a UTF-8 byte order
 * mark so that spreadsheet programs used in the agencies read the Cyrillic headers as UTF-8.
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => `${csvRecord(r)}\r\n`).join('')}`;
}
