import type { ImportReport } from '../../lib/export/import';
import type { ExportFormat } from '../../lib/messages/protocol';
import type { ListResult, NoteFilter, NoteView } from '../../lib/storage/notes-repo';

/**
 * Everything the popup views need from the outside world. The entrypoint implements it with
 * messages and extension APIs; tests hand in a fake. Every method rejects with an Error whose
 * message is fit to show the reader.
 */
export interface NotesApi {
  list(query: { search: string; filter: NoteFilter; offset: number; limit: number }): Promise<ListResult>;
  update(id: string, body: string): Promise<NoteView>;
  remove(id: string): Promise<void>;
  restore(id: string): Promise<NoteView>;
  exportNotes(format: ExportFormat): Promise<{ content: string; filename: string; mimeType: string; count: number }>;
  importNotes(content: string): Promise<ImportReport>;
  /** Number of notes for the active tab's page, or null when the tab is not a web page. */
  currentPageCount(): Promise<number | null>;
  /** Whether the notes are safe from eviction (see `StorageProtection`). */
  storageStatus(): Promise<StorageProtection>;
  /** Asks `navigator.storage.persist()`, then reports the new status. */
  requestPersistence(): Promise<StorageProtection>;
  openPage(url: string): void;
  saveFile(content: string, filename: string, mimeType: string): void;
  /** Puts text on the clipboard (a user gesture is in progress); rejects when the browser refuses. */
  copyText(text: string): Promise<void>;
}

export interface StorageProtection {
  /** `navigator.storage.persisted()`; null when the browser cannot tell. */
  persisted: boolean | null;
  /** The extension holds `unlimitedStorage`: its data is exempt from quota and eviction. */
  unlimited: boolean;
}
