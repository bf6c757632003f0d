import type { Notice } from '../contract/contract';

/** What the user should be told, once each: shown in the UI until the app restarts. */
export interface NoticeBoard {
  add(notice: Notice): void;
  remove(id: Notice['id']): void;
  list(): Notice[];
  onChange(listener: (notices: Notice[]) => void): () => void;
}

export function createNoticeBoard(): NoticeBoard {
  const notices = new Map<Notice['id'], Notice>();
  const listeners = new Set<(notices: Notice[]) => void>();
  const changed = () => {
    for (const listener of listeners) listener([...notices.values()]);
  };
  return {
    add(notice) {
      notices.set(notice.id, notice);
      changed();
    },
    remove(id) {
      if (notices.delete(id)) changed();
    },
    list: () => [...notices.values()],
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
