/**
 * The names of the file types in the system's save and open dialogs ("Web page", "Calendar
 * file", …), in the language the person reads Hearth in.
 *
 * Like a notification's words (notice-words.ts), they live in the main process: the renderer's
 * catalogue is bundled into the page. The page sends only its language's tag with a request,
 * never the words, so nothing the page writes appears in a system dialog; a tag we have no words
 * in, or none, gives English. The dialog's own buttons and title are the system's, in the
 * system's language. All but English are preview translations, like the screens'.
 */
import { noticeLanguage, type NoticeLanguage } from './notice-words.ts'

/** The kinds of file the dialogs offer (electron/save-dialog.ts). */
export type FileKind = 'html' | 'md' | 'json' | 'txt' | 'ics' | 'hearth'

export const FILE_TYPE_WORDS: Record<NoticeLanguage, Record<FileKind, string>> = {
  en: { html: 'Web page', md: 'Markdown text', json: 'JSON data', txt: 'Plain text', ics: 'Calendar file', hearth: 'Hearth archive' },
  es: { html: 'Página web', md: 'Texto Markdown', json: 'Datos JSON', txt: 'Texto sin formato', ics: 'Archivo de calendario', hearth: 'Archivo de Hearth' },
  fr: { html: 'Page web', md: 'Texte Markdown', json: 'Données JSON', txt: 'Texte brut', ics: 'Fichier de calendrier', hearth: 'Archive Hearth' },
  ar: { html: 'صفحة ويب', md: 'نص Markdown', json: 'بيانات JSON', txt: 'نص عادي', ics: 'ملف تقويم', hearth: 'أرشيف Hearth' },
  de: { html: 'Webseite', md: 'Markdown-Text', json: 'JSON-Daten', txt: 'Reiner Text', ics: 'Kalenderdatei', hearth: 'Hearth-Archiv' },
  pl: { html: 'Strona internetowa', md: 'Tekst Markdown', json: 'Dane JSON', txt: 'Zwykły tekst', ics: 'Plik kalendarza', hearth: 'Archiwum Hearth' },
  pt: { html: 'Página web', md: 'Texto Markdown', json: 'Dados JSON', txt: 'Texto simples', ics: 'Arquivo de calendário', hearth: 'Arquivo do Hearth' },
}

/** The name of a kind of file in the language the page asked for (a tag we know), else English. */
export function fileTypeName(kind: FileKind, language: unknown): string {
  return FILE_TYPE_WORDS[noticeLanguage(language, [])][kind]
}
