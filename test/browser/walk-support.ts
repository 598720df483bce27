/**
 * Checks for the role walks (issue 9): a page a person reads shows words, not codes. Every page a
 * walk visits is inspected at 1,440 px and at 390 px: axe with zero violations, no horizontal page
 * overflow, and no visible text — outside the help disclosures (`<details>`) — that looks like a
 * rule ID (R-OR-12, D-13, D-OV-09), a field code (E-16), a purpose code (PB-1), a form code (F-2),
 * a metric ID (M-03) or an untranslated translation key (home.module.monitor).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support.ts';

export const WIDTHS = [1440, 390] as const;

/** Codes people should never have to read. */
export const CODE_PATTERNS: ReadonlyArray<{ name: string; re: RegExp }> = [
  { name: 'rule ID', re: /\b(?:R|AMB|DR|V)-[A-Z]{2,3}-\d+[a-z]?\b/ },
  { name: 'deadline ID', re: /\bD-(?:[A-Z]{2,3}-)?\d{2}\b/ },
  { name: 'field code', re: /\b[ES]-\d{1,3}[a-z]?\b/ },
  { name: 'purpose code', re: /\bPB-\d\b/ },
  { name: 'form code', re: /\bF-[1-4]\b/ },
  { name: 'metric ID', re: /\bM-(?:[A-Z]{2}-)?\d{2}\b/ },
  // Three or more dotted lower-camel segments, as i18n keys are; not e-mail addresses, host names or file names.
  { name: 'translation key', re: /(?<![@\w.-])[a-z][a-zA-Z]+(?:\.[a-z][a-zA-Z0-9]+){1,}\.[a-z][a-zA-Z0-9]+(?![\w@-])/ },
];

const HOST_LIKE = /\.(?:nl|com|org|net|example|pdf|csv|xlsx|json)$/;

/** The visible text of the page, line by line, leaving out help disclosures and hidden nodes. */
export async function visibleTextOutsideHelp(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      if (el.closest('details, script, style, noscript, template, [data-help]')) continue;
      if (!el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
      out.push(text);
    }
    // Attributes people read (placeholders, titles) and the document title.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[placeholder], [title]'))) {
      if (el.closest('details')) continue;
      for (const a of ['placeholder', 'title']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    out.push(document.title);
    return out;
  });
}

/** The codes found in a list of texts (pure: unit-testable without a browser). */
export function codesIn(texts: ReadonlyArray<string>): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const { name, re } of CODE_PATTERNS) {
      const m = re.exec(text);
      if (!m) continue;
      if (name === 'translation key' && HOST_LIKE.test(m[0])) continue;
      found.push(`${name} "${m[0]}" in "${text.slice(0, 120)}"`);
    }
  }
  return found;
}

export async function expectNoCodes(page: Page, label: string) {
  expect(codesIn(await visibleTextOutsideHelp(page)).join('\n'), `codes shown to people on ${label}`).toBe('');
}

export async function expectNoHorizontalOverflow(page: Page, label: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `horizontal page overflow on ${label} at ${width} px`).toBeLessThanOrEqual(width + 1);
}

/**
 * The page as each walk leaves it: at both widths, axe (zero violations), no page overflow and no
 * codes; the viewport is returned to desktop width afterwards.
 */
export async function inspect(page: Page, label: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(50);
    await expectAccessible(page, `${label} at ${width} px`);
    await expectNoHorizontalOverflow(page, label);
    await expectNoCodes(page, `${label} at ${width} px`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}
