import { formatDateTime } from '@/components/ui/format';

export interface AlertNoteView {
  id: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

/**
 * The notes on an alert, oldest first: read-only for everyone (a note is never edited or
 * deleted); those who work alerts get the form under it.
 */
export function AlertNotes({ notes }: { notes: AlertNoteView[] }) {
  if (notes.length === 0) return <p className="text-sm text-slate-500">No notes yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Notes" data-testid="alert-notes">
      {notes.map((n) => (
        <li key={n.id} className="rounded-md bg-slate-50 p-3" data-testid="alert-note">
          <p className="text-xs text-slate-500">
            <span className="font-medium text-slate-700">{n.authorName}</span> · {formatDateTime(n.createdAt)} UTC
          </p>
          <p className="mt-1 whitespace-pre-wrap text-sm text-slate-900">{n.body}</p>
        </li>
      ))}
    </ol>
  );
}
