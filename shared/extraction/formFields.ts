import type { FieldValue, PageText, Table } from './document.js';

/** Label-driven form fields (filled in by the form-field step). */
export function readFormFields(_file: string, _pages: PageText[], _tables: Table[]): Record<string, FieldValue> {
  return {};
}
