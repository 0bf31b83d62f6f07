/**
 * Component tests (jest project `web`, jsdom): what a browser has and jsdom lacks (matchMedia, ResizeObserver
 * for antd), and the app's texts in Vietnamese, merged as resources.ts does (Vite's import.meta.glob is not
 * available under Jest).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import { configure } from '@testing-library/react';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

type Texts = Record<string, unknown>;
const i18nDir = path.join(__dirname, '..', 'i18n');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Texts;
const textsFor = (language: 'vi' | 'en'): Texts =>
  Object.assign(
    {},
    read(path.join(i18nDir, `${language}.json`)),
    ...readdirSync(path.join(i18nDir, 'features'))
      .filter((f) => f.endsWith(`.${language}.json`))
      .sort()
      .map((f) => read(path.join(i18nDir, 'features', f))),
  ) as Texts;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: textsFor('vi') }, en: { translation: textsFor('en') } },
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

// react-router encodes with TextEncoder, which jsdom lacks.
Object.assign(globalThis, { TextEncoder, TextDecoder });

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    // A phone-sized window unless a test says otherwise (antd's Grid reads min-width queries).
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

/** jsdom has no MessageChannel (antd's form watches post through one): a macrotask relay does the same. */
class TimeoutMessageChannel {
  readonly port1: {
    onmessage: ((event: { data: unknown }) => void) | null;
    postMessage(data: unknown): void;
  };
  readonly port2: {
    onmessage: ((event: { data: unknown }) => void) | null;
    postMessage(data: unknown): void;
  };
  constructor() {
    const port = () => ({
      onmessage: null as ((event: { data: unknown }) => void) | null,
      postMessage(this: void, _data: unknown) {},
    });
    this.port1 = port();
    this.port2 = port();
    this.port1.postMessage = (data) => void setTimeout(() => this.port2.onmessage?.({ data }), 0);
    this.port2.postMessage = (data) => void setTimeout(() => this.port1.onmessage?.({ data }), 0);
  }
}
(globalThis as { MessageChannel?: unknown }).MessageChannel ??= TimeoutMessageChannel;

// antd is large: on a busy machine a render with its first interactions takes seconds.
jest.setTimeout(60_000);
// Role queries skip the visibility check: with antd's CSS-in-JS it walks every style sheet per element (seconds per query).
configure({ asyncUtilTimeout: 15_000, defaultHidden: true });
