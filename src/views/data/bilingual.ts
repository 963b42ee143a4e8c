/**
 * Messages the data view shows in both languages at once (storage, reading and worker failures), and
 * the local date used for imports.
 */
import { ImportFailedError } from '../../data/import-client';
import { StorageError } from '../../data/local-store';

/** A message in both languages. */
export interface BilingualMessage {
  zh: string;
  en: string;
}

/**
 * Any failure as a bilingual message: StorageError, ImportFailedError, BackupFormatError and other
 * errors carrying `messageZh` keep their wording; anything else is quoted.
 * @example toBilingual(new Error('x')) // { zh: '出错了：x', en: 'Something went wrong: x' }
 */
export function toBilingual(err: unknown): BilingualMessage {
  if (err instanceof StorageError) return { zh: err.messageZh, en: err.messageEn };
  if (err instanceof ImportFailedError) return { zh: err.messageZh, en: err.message };
  if (err && typeof err === 'object' && 'messageZh' in err && typeof err.messageZh === 'string') {
    return { zh: err.messageZh, en: err instanceof Error ? err.message : err.messageZh };
  }
  const text = err instanceof Error ? err.message : String(err);
  return { zh: `出错了：${text}`, en: `Something went wrong: ${text}` };
}

/**
 * A date as 'YYYY-MM-DD' in the local time zone (an import's “today” and default data date).
 * @example localDate(new Date(2025, 5, 30, 23, 59)) // '2025-06-30'
 */
export function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
