import { type Finding, finding } from '../domain/findings/finding.js';

/** Characters a person does not see as written: bidi controls (U+202E …), invisible ones (U+200B …), controls. */
const hidden = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;

/** A document's extension followed by an executable one (`推荐公函.pdf.exe`, `推荐公函.pdf     .scr`). */
const doubleExtension =
  /\.(?:pdf|docx?|docm|wps|xlsx?|xlsm|et|txt|rtf|ofd|jpe?g|png|tiff?|bmp|gif|zip|rar|7z)[\s._-]*\.(?:exe|scr|com|bat|cmd|pif|vbs|vbe|js|jse|wsf|wsh|msi|msp|lnk|ps1|psm1|hta|cpl|jar|reg|sh|app|dll|url|desktop)$/i;

/** The name with every hidden character written as `\uXXXX`, so a reader sees what the name really holds. */
export function escapedName(name: string): string {
  return name.replace(hidden, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Why the file name could fool a person reading a listing, or undefined when it says what it is. */
export function deceptiveNameReason(file: string): string | undefined {
  const base = file.replace(/\/+$/, '').split('/').pop() ?? file;
  const reasons: string[] = [];
  if (/\p{Bidi_Control}/u.test(file)) reasons.push('bidirectional control character');
  if (/(?!\p{Bidi_Control})\p{Default_Ignorable_Code_Point}/u.test(file)) reasons.push('invisible character');
  if (/\p{Cc}/u.test(file)) reasons.push('control character');
  if (doubleExtension.test(base.replace(hidden, '')))
    reasons.push('a document extension followed by an executable one');
  return reasons.length > 0 ? reasons.join(', ') : undefined;
}

/**
 * FILE_NAME_DECEPTIVE (blocking) on a name that could fool a reader, showing it escaped. Such a file is not opened nor
 * classified: its name may claim a material its bytes are not.
 */
export function deceptiveNameFinding(file: string): Finding | undefined {
  const reason = deceptiveNameReason(file);
  if (!reason) return undefined;
  const escaped = escapedName(file);
  // A zero-width space or BOM pasted from a chat window into a name hides nothing about what the file is: it is read,
  // and the name is shown escaped for review. Bidi overrides, controls and double extensions disguise the file type.
  if (reason === 'invisible character')
    return finding('FILE_NAME_DECEPTIVE', 'review', `the file name holds invisible characters: ${escaped}`, {
      file,
      evidence: escaped,
    });
  return finding(
    'FILE_NAME_DECEPTIVE',
    'blocking',
    `the file name could fool a reader (${reason}): ${escaped}; not opened`,
    {
      file,
      evidence: escaped,
    },
  );
}

/** A deceptive-name finding that keeps the file from being opened and classified (the blocking kind). */
export const refusesReading = (deceptive: Finding | undefined): Finding | undefined =>
  deceptive?.severity === 'blocking' ? deceptive : undefined;
