import { parseMarkdownBlocks, type Block, type Inline } from '@/lib/domain/reports/markdown-blocks';

/**
 * Renders the governance document's Markdown subset as React elements. Text only ever becomes a
 * React text node (escaped by React): no HTML string, no dangerouslySetInnerHTML, so a policy's
 * change note or a registry name cannot inject markup.
 */
function Text({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.code ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.8em] break-all">
            {p.text}
          </code>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading': {
      const Tag = (['h2', 'h2', 'h3', 'h4'] as const)[block.level];
      const size = block.level === 1 ? 'text-xl' : block.level === 2 ? 'mt-6 text-base' : 'mt-4 text-sm';
      return (
        <Tag className={`${size} font-semibold text-slate-900`}>
          <Text parts={block.text} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p className="text-sm leading-6 text-slate-700">
          <Text parts={block.text} />
        </p>
      );
    case 'list':
      return (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {block.items.map((item, i) => (
            <li key={i}>
              <Text parts={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-xs">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                {block.head.map((h, i) => (
                  <th key={i} scope="col" className="px-2 py-1 font-medium">
                    <Text parts={h} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 text-slate-700">
              {block.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j} className="px-2 py-1 align-top">
                      <Text parts={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function MarkdownView({ markdown, label }: { markdown: string; label: string }) {
  return (
    <article aria-label={label} className="space-y-3" data-testid="markdown-view">
      {parseMarkdownBlocks(markdown).map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </article>
  );
}
