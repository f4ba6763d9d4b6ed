/** The header row of a small hand-laid table: one `<th scope="col">` per label. */
export function HeadRow({ labels, cellClassName = 'px-2 py-1' }: { labels: readonly string[]; cellClassName?: string }) {
  return (
    <tr>
      {labels.map((label) => (
        <th key={label} scope="col" className={cellClassName}>
          {label}
        </th>
      ))}
    </tr>
  );
}
