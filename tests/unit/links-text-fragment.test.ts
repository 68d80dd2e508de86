import { describe, expect, it } from 'vitest';
import { buildTextDirective, directiveMatchesQuote, parseTextFragment, serializeTextDirective, textFragmentUrl } from '../../lib/links/text-fragment';

const q = (prefix: string, exact: string, suffix: string) => ({ prefix, exact, suffix });

describe('buildTextDirective', () => {
  it('a short passage: the passage, with context words from the same block (uniqueness unknown)', () => {
    expect(buildTextDirective(q('In the interview, LeCun said that ', 'xAI is kind of a failure', ', frankly, because the founding'))).toEqual({
      prefix: 'LeCun said that', textStart: 'xAI is kind of a failure', suffix: ', frankly, because',
    });
  });

  it('leaves context out when the page text shows the passage is unique, keeps it when it is not', () => {
    const quote = q('LeCun said that ', 'kind of a failure', ', frankly');
    expect(buildTextDirective(quote, 'LeCun said that xAI is kind of a failure, frankly')).toEqual({ textStart: 'kind of a failure' });
    expect(buildTextDirective(quote, 'a kind of a failure here; LeCun said that kind of a failure, frankly')!.prefix).toBe('LeCun said that');
  });

  it('widens a highlight that starts or ends inside a word to whole words', () => {
    expect(buildTextDirective(q('was wonder', 'ful news for every', 'one involved'))!.textStart).toBe('wonderful news for everyone');
  });

  it('narrows to the next whole word when the stored context cannot show where the word began', () => {
    const full32 = 'x'.repeat(29) + 'abc'; // 32 characters of one word: cut by the store, its start unseen
    expect(buildTextDirective(q(full32, 'def ghi jkl', ' end'))!.textStart).toBe('ghi jkl');
  });

  it('never takes context across a block boundary', () => {
    expect(buildTextDirective(q('Previous paragraph.\n', 'Title of story', '\nFirst paragraph here'))).toEqual({ textStart: 'Title of story' });
  });

  it('links a passage over several blocks by its first and last words', () => {
    const d = buildTextDirective(q('Labs like ', 'OpenAI must raise prices.\nMiddle paragraph.\nOr a big bubble explosion', ', he added'))!;
    expect(d).toMatchObject({ textStart: 'OpenAI must raise prices.', textEnd: 'Or a big bubble explosion' });
  });

  it('links a long passage by its ends, cut at word boundaries', () => {
    const exact = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';
    const d = buildTextDirective(q('', exact, ''))!;
    expect(exact.startsWith(d.textStart)).toBe(true);
    expect(exact.endsWith(d.textEnd!)).toBe(true);
    expect(d.textStart.length + d.textEnd!.length).toBeLessThan(exact.length);
    expect(d.textStart).toMatch(/\w$/);
  });

  it('cuts Japanese context at ICU word boundaries', () => {
    const d = buildTextDirective(q('、xAIは創設チームが離脱したため、', '一種の失敗だ', '」とLeCunは述べた。'))!;
    expect(d.textStart).toBe('一種の失敗だ');
    expect('、xAIは創設チームが離脱したため、'.endsWith(d.prefix!)).toBe(true);
  });

  it('collapses whitespace and gives nothing for an empty quote', () => {
    expect(buildTextDirective(q('a ', 'two\t  words', ' b'))!.textStart).toBe('two words');
    expect(buildTextDirective(q('a', '   ', 'b'))).toBeNull();
  });
});

describe('textFragmentUrl / parseTextFragment', () => {
  it('encodes the directive syntax characters and round-trips through the parser', () => {
    const url = textFragmentUrl('https://ex.example/p?q=1#section', q('a-b, c&d ', 'e-mail, & more', ' x'))!;
    expect(url).toBe('https://ex.example/p?q=1#:~:text=a%2Db%2C%20c%26d-,e%2Dmail%2C%20%26%20more,-x');
    expect(parseTextFragment(url)).toEqual([{ prefix: 'a-b, c&d', textStart: 'e-mail, & more', suffix: 'x' }]);
  });

  it('refuses non-web pages', () => {
    expect(textFragmentUrl('javascript:alert(1)', q('', 'x', ''))).toBeNull();
    expect(textFragmentUrl('not a url', q('', 'x', ''))).toBeNull();
  });

  it('parses several directives, a fragment before the delimiter, and skips malformed ones', () => {
    expect(parseTextFragment('https://a.example/#top:~:text=one&unknown=1&text=pre-,two,three,-suf&text=%E0%A4&text=,&text=a,b,c,d')).toEqual([
      { textStart: 'one' },
      { prefix: 'pre', textStart: 'two', textEnd: 'three', suffix: 'suf' },
    ]);
    expect(parseTextFragment('https://a.example/#plain')).toEqual([]);
    expect(parseTextFragment(':~:text=%E6%97%A5%E6%9C%AC')).toEqual([{ textStart: '日本' }]);
  });

  it('serialises what it parses', () => {
    const d = { prefix: 'p', textStart: 's t', textEnd: 'e', suffix: 'x-y' };
    expect(parseTextFragment(`#:~:${serializeTextDirective(d)}`)).toEqual([d]);
  });

  it('tells which stored quote a link was made from', () => {
    const quote = q('LeCun said that ', 'kind of a failure', ', frankly');
    const [d] = parseTextFragment(textFragmentUrl('https://a.example/', quote)!);
    expect(directiveMatchesQuote(d!, quote)).toBe(true);
    expect(directiveMatchesQuote(d!, q('', 'kind of a success', ''))).toBe(false);
  });
});
