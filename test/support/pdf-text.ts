/**
 * Text extraction from an uncompressed pdfmake/pdfkit PDF, for tests: pdfkit writes text as glyph
 * ids of a subset font (Identity-H); each font has a ToUnicode CMap. The font resource names are
 * mapped to font objects and CMaps, and every TJ/Tj string is decoded.
 */
export function objects(pdf: string): Map<number, { dict: string; stream: string }> {
  const out = new Map<number, { dict: string; stream: string }>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(pdf); m; m = re.exec(pdf)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    const dict = at >= 0 ? body.slice(0, at) : body;
    const stream = at >= 0 ? body.slice(at + 6, body.lastIndexOf('endstream')) : '';
    out.set(Number(m[1]), { dict, stream });
  }
  return out;
}

export function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  const uni = (h: string) => String.fromCharCode(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map(hex));
  for (const block of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const m of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = hex(m[1]!);
      const to = hex(m[2]!);
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((u, i) => map.set(from + i, uni(u[1]!)));
      } else {
        const start = hex(m[3]!.slice(1, -1));
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(start + c - from));
      }
    }
  }
  for (const block of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const m of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(hex(m[1]!), uni(m[2]!));
  }
  return map;
}

/** The text of an uncompressed PDF, whitespace collapsed; pages separated by '\f'. */
export function extractText(buf: Buffer): string {
  const pdf = buf.toString('latin1');
  const objs = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objs.values()) {
    for (const fontDict of dict.match(/\/Font\s*<<([\s\S]*?)>>/g) ?? []) {
      for (const m of fontDict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
        const font = objs.get(Number(m[2]));
        const tu = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
        if (tu) fonts.set(m[1]!, parseCMap(objs.get(Number(tu[1]))!.stream));
      }
    }
  }
  const pages: string[] = [];
  for (const m of pdf.matchAll(/\/Contents (\d+) 0 R/g)) {
    const content = objs.get(Number(m[1]))!.stream;
    let text = '';
    let lastY = '';
    for (const bt of content.match(/BT[\s\S]*?ET/g) ?? []) {
      const font = fonts.get(bt.match(/\/(F\d+) [\d.]+ Tf/)?.[1] ?? '') ?? new Map<number, string>();
      const y = bt.match(/[\d.-]+ ([\d.-]+) Tm/)?.[1] ?? '';
      if (y !== lastY) text += '\n';
      lastY = y;
      for (const arr of bt.match(/\[([\s\S]*?)\] TJ|<([0-9a-fA-F]*)> Tj/g) ?? []) {
        for (const h of arr.matchAll(/<([0-9a-fA-F]*)>/g)) {
          for (const code of h[1]!.match(/.{4}/g) ?? []) text += font.get(parseInt(code, 16)) ?? '?';
        }
      }
    }
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  return pages.join('\f');
}
