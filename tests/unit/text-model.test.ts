import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { makeRange } from '../../lib/text/range';
import { buildTextModel, pointAt } from '../../lib/text/text-model';

const html = `<div id="r"><p>Hello <a href="#">big</a> <strong>world</strong><br>next</p>
<script>var x = 1;</script><style>p{}</style><template><p>tpl</p></template><noscript>ns</noscript>
<p hidden>hidden</p><p style="display: none">none</p><p aria-hidden="true">aria</p>
<p><ruby>推論<rp>(</rp><rt>すいろん</rt><rp>)</rp></ruby>能力</p><aside class="related">rel</aside></div>`;

const doms = {
  linkedom: () => parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document,
  jsdom: () => new JSDOM(`<html><body>${html}</body></html>`).window.document,
};

for (const [name, make] of Object.entries(doms)) {
  describe(`text model (${name})`, () => {
    it('keeps visible text, skips hidden/script/ruby readings, breaks at blocks and <br>', () => {
      const doc = make();
      const root = doc.getElementById('r')!;
      const m = buildTextModel(root, { exclude: (el) => el.localName === 'aside' });
      expect(m.text.replace(/\n\s*/g, '|').replace(/\|+/g, '|')).toBe('Hello big world|next|推論能力|');
    });

    it('maps offsets to ranges whose text is the page text', () => {
      const doc = make();
      const m = buildTextModel(doc.getElementById('r')!);
      const s = m.text.indexOf('big');
      const e = m.text.indexOf('world') + 5;
      const r = makeRange(doc, pointAt(m, s, 'start')!, pointAt(m, e, 'end')!);
      expect(r.toString()).toBe('big world');
      // A range whose end falls on a synthetic break snaps back to the previous node's end.
      const brk = m.text.indexOf('\n');
      const r2 = makeRange(doc, pointAt(m, 0, 'start')!, pointAt(m, brk + 1, 'end')!);
      expect(r2.toString()).toBe('Hello big world');
    });
  });
}
