import { describe, expect, it } from 'vitest';
import { inlineText, parseInline, parseMarkdownBlocks } from './markdown-blocks';

describe('parseInline', () => {
  it.each<[string, { code: boolean; text: string }[]]>([
    ['plain', [{ code: false, text: 'plain' }]],
    [
      'a `b` c',
      [
        { code: false, text: 'a ' },
        { code: true, text: 'b' },
        { code: false, text: ' c' },
      ],
    ],
    ['unmatched ` tick', [{ code: false, text: 'unmatched ` tick' }]],
    ['<script>alert(1)</script>', [{ code: false, text: '<script>alert(1)</script>' }]],
  ])('%s', (text, expected) => expect(parseInline(text)).toEqual(expected));
});

describe('parseMarkdownBlocks', () => {
  it('reads headings, paragraphs, lists and tables', () => {
    const blocks = parseMarkdownBlocks(
      [
        '# Title',
        '',
        'First line',
        'continues.',
        '',
        '## Part',
        '- one',
        '- two `x`',
        '',
        '| A | B |',
        '| --- | --- |',
        '| 1 | `h` |',
        '| 2 | 3 |',
        '',
        '### Small',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'list', 'table', 'heading']);
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, text: [{ code: false, text: 'Title' }] });
    expect(blocks[1]!.type === 'paragraph' && inlineText(blocks[1]!.text)).toBe('First line continues.');
    const list = blocks[3]!;
    expect(list.type === 'list' && list.items.map(inlineText)).toEqual(['one', 'two x']);
    const table = blocks[4]!;
    expect(table.type === 'table' && table.head.map(inlineText)).toEqual(['A', 'B']);
    expect(table.type === 'table' && table.rows.map((r) => r.map(inlineText))).toEqual([
      ['1', 'h'],
      ['2', '3'],
    ]);
    expect(table.type === 'table' && table.rows[0]![1]).toEqual([{ code: true, text: 'h' }]);
    expect(blocks[5]).toMatchObject({ type: 'heading', level: 3 });
  });

  it('keeps a table-looking line without a divider as a paragraph and ends', () => {
    expect(parseMarkdownBlocks('| not | a table |')).toEqual([
      { type: 'paragraph', text: [{ code: false, text: '| not | a table |' }] },
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(parseMarkdownBlocks('\n\n  \n')).toEqual([]);
  });
});
