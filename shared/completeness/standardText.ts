import { normaliseStandardNumber, parseStandardNumber } from '../domain/validation/standardNumber.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { compactText, documentLines } from './documentQuality.js';

/** What the official standard text says about itself: its number, and the foreword's drafting units and drafters. */
export interface StandardTextFacts {
  standardNumber?: string;
  /** 起草单位 of the foreword, in order. */
  draftingUnits: string[];
  /** 主要起草人 of the foreword, in order. */
  drafterNames: string[];
  /** Who the cover says published it (`国家市场监督管理总局  国家标准化管理委员会  发布`). */
  publishers: string[];
  hasForeword: boolean;
}

/** The cover's publisher line: the publishing bodies before 发布, with no date (the dates line says 发布 too). */
function coverPublishers(firstPage: readonly string[]): string[] {
  const line = firstPage
    .map((l) => l.normalize('NFKC').trim())
    .find((l) => /发布$/.test(l.replace(/\s/g, '')) && !/\d/.test(l) && l.replace(/\s/g, '').length > 4);
  if (!line) return [];
  return line
    .replace(/\s*发\s*布\s*$/, '')
    .split(/[\s、]+/)
    .filter((u) => u.length >= 2 && u.length <= 60);
}

const numberPattern =
  /(?:GB\/[TZ]|GB|DB\d{2,6}\/T|DB\d{2,6}|T\/[A-Z0-9]+|Q\/[A-Z0-9]+|[A-Z]{2}\/T|ISO\/IEC|ISO|IEC)\s*\d+(?:\.\d+)*\s*[—–\-－]\s*\d{4}/;

function listAfterLabel(text: string, label: RegExp): string[] {
  const m = label.exec(text);
  if (!m) return [];
  const rest = text.slice(m.index + m[0].length);
  const end = rest.search(/[。]|本文件|本标准/);
  return (end >= 0 ? rest.slice(0, end) : rest)
    .split(/[、，,；;]/)
    .map((s) => s.replace(/[\s\u3000]/g, '').replace(/[。.]$/, ''))
    .filter((s) => s.length > 0 && s.length <= 60);
}

/** Reads the number from the first page and the lists of the 前言 (foreword) of a standard text. */
export function readStandardText(doc: ExtractedDocument): StandardTextFacts {
  const firstPage = (doc.pages[0]?.lines ?? []).join('\n');
  const match = numberPattern.exec(normaliseStandardNumber(firstPage));
  const parsed = match ? parseStandardNumber(match[0]) : undefined;
  const lines = documentLines(doc);
  const forewordAt = lines.findIndex((l) => compactText(l) === '前言' || compactText(l).startsWith('前言'));
  const foreword = forewordAt >= 0 ? compactText(lines.slice(forewordAt).join('')) : '';
  return {
    standardNumber: parsed?.ok ? parsed.standard.canonical : undefined,
    draftingUnits: listAfterLabel(foreword, /(?:本文件|本标准)?(?:主要)?起草单位[:：]/),
    drafterNames: listAfterLabel(foreword, /(?:本文件|本标准)?主要起草人(?:员)?[:：]/),
    publishers: coverPublishers(doc.pages[0]?.lines ?? []),
    hasForeword: forewordAt >= 0,
  };
}
