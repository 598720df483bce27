/**
 * Web-first assertions for playwright-core Locators and Pages in vitest: each retries until it
 * holds (or, with .not, until it no longer holds) or the timeout passes, like @playwright/test's.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

const TIMEOUT = 10_000;

interface Check {
  ok: boolean;
  actual: unknown;
}

async function retry(isNot: boolean, check: () => Promise<Check>, timeout = TIMEOUT): Promise<Check> {
  const deadline = Date.now() + timeout;
  let last: Check = { ok: false, actual: undefined };
  for (;;) {
    try {
      last = await check();
    } catch (err) {
      last = { ok: false, actual: `error: ${(err as Error).message.split('\n')[0]}` };
    }
    if (last.ok !== isNot || Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function result(this: { isNot: boolean }, name: string, what: string, r: Check, expected?: unknown) {
  return {
    pass: r.ok,
    message: () => `expected ${what} ${this.isNot ? 'not ' : ''}${name}${expected !== undefined ? ` ${JSON.stringify(String(expected))}` : ''}; got ${JSON.stringify(r.actual)}`,
    actual: r.actual,
    expected,
  };
}

const describe = (l: Locator) => String(l);

function matches(actual: string, expected: string | RegExp) {
  return typeof expected === 'string' ? actual.includes(expected) : expected.test(actual);
}

expect.extend({
  async toBeVisible(received: Locator) {
    const r = await retry(!!this.isNot, async () => {
      const v = await received.isVisible();
      return { ok: v, actual: v ? 'visible' : 'hidden or absent' };
    });
    return result.call(this, 'to be visible', describe(received), r);
  },
  async toBeFocused(received: Locator) {
    const r = await retry(!!this.isNot, async () => {
      const focused = await received.first().evaluate((el) => el === document.activeElement);
      const active = await received.page().evaluate(() => {
        const a = document.activeElement;
        return a ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''} "${(a.textContent ?? '').trim().slice(0, 60)}"` : 'none';
      });
      return { ok: focused, actual: `focus on ${active}` };
    });
    return result.call(this, 'to be focused', describe(received), r);
  },
  async toContainText(received: Locator, expected: string | RegExp) {
    const r = await retry(!!this.isNot, async () => {
      const text = (await received.first().textContent({ timeout: 1000 })) ?? '';
      return { ok: matches(text, expected), actual: text.slice(0, 500) };
    });
    return result.call(this, 'to contain text', describe(received), r, expected);
  },
  async toHaveValue(received: Locator, expected: string) {
    const r = await retry(!!this.isNot, async () => {
      const v = await received.inputValue({ timeout: 1000 });
      return { ok: v === expected, actual: v };
    });
    return result.call(this, 'to have value', describe(received), r, expected);
  },
  async toHaveAttribute(received: Locator, name: string, expected: string | RegExp) {
    const r = await retry(!!this.isNot, async () => {
      const v = (await received.getAttribute(name, { timeout: 1000 })) ?? '';
      return { ok: typeof expected === 'string' ? v === expected : expected.test(v), actual: v };
    });
    return result.call(this, `to have attribute ${name}`, describe(received), r, expected);
  },
  async toHaveCount(received: Locator, expected: number) {
    const r = await retry(!!this.isNot, async () => {
      const n = await received.count();
      return { ok: n === expected, actual: n };
    });
    return result.call(this, 'to have count', describe(received), r, expected);
  },
  async toHaveTitle(received: Page, expected: string | RegExp) {
    const r = await retry(!!this.isNot, async () => {
      const v = await received.title();
      return { ok: matches(v, expected), actual: v };
    });
    return result.call(this, 'to have title', 'page', r, expected);
  },
  async toHaveURL(received: Page, expected: string | RegExp) {
    const r = await retry(!!this.isNot, async () => {
      const v = received.url();
      return { ok: matches(v, expected), actual: v };
    });
    return result.call(this, 'to have URL', 'page', r, expected);
  },
});

declare module 'vitest' {
  interface Matchers<T = any> {
    toBeVisible(): Promise<T>;
    toBeFocused(): Promise<T>;
    toContainText(expected: string | RegExp): Promise<T>;
    toHaveValue(expected: string): Promise<T>;
    toHaveAttribute(name: string, expected: string | RegExp): Promise<T>;
    toHaveCount(expected: number): Promise<T>;
    toHaveTitle(expected: string | RegExp): Promise<T>;
    toHaveURL(expected: string | RegExp): Promise<T>;
  }
}
