/**
 * Cases named in the text: captions (`A v. B`, `A vs B`, `A诉B…案`) and Chinese case descriptions ending in 案
 * (`首例“虚拟数字人”侵权案`, `江苏首例AIGC著作权纠纷案`). A caption also gives its parties, so that the plaintiff and
 * the defendant are found even where no suffix pattern bounds their names (`…判决书上海某文化发展有限公司诉…`).
 */
import type { Label } from "../model/index.js";
import { capitalisedSpans } from "./english-names.js";

export interface CaseNameHit {
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  name: string;
  /** The caption's parties, when it is one. */
  parties?: { start: number; end: number; name: string; label: Label; role: "plaintiff" | "defendant" }[];
}

const MAX_CASE_NAME_CHARS = 60;
/** A Chinese case description: up to 案, not 案件/案例/案由 (which are common nouns). */
const ZH_CASE = /[^,，。;；:：、!！?？丨|\s]{3,60}?案(?![件例由情值子发卷])/g;
/** What opens a case description (`就…案`, `…获悉,…案`): its name starts after the last of these. */
const ZH_LEFT_STOP =
  /.*(?:判决书|裁定书|编者按|判决|裁定|获悉|审理|审结|宣判|认为|受理|起诉|上诉人|原告|被告|第三人|就|对|与|了|将|在|是|为|的(?=首例))/;
/** Words a case description carries; a span without any is not a case (`方案`, `草案`, `提案`, `预案`). */
const ZH_CASE_WORD = /首例|纠纷|侵权|诉|垄断|竞争|著作权|版权|商标|专利|隐私|个人信息|数据|名誉|人格权|合同|一案/;
const ZH_NOT_CASE = /^(?:本|此|该|涉|全|立|结|办|备|报|方|草|提|预|图|档|答|教)案$|(?:方|草|提|预|图|档|答|议|法)案$/;
const ZH_PARTY_END = /(?:股份有限公司|有限责任公司|有限公司|公司|集团|某|大学|研究院|协会|法院|局|委员会)$/;
const EN_CAPTION_GAP = /^\s+(?:v\.?|vs\.?|versus)\s+(?:[Tt]he\s+)?$/;

/** An English caption's party by its head word: an authority or a court; otherwise a company (a person is not told). */
function enPartyLabel(name: string): Label {
  if (/\b(?:Court|Tribunal)$/.test(name)) return "Court";
  if (
    /\b(?:Commission|Commissioner|Authority|Regulator|Agency|Office|Department|Ministry|Board|Bureau|Administration|Inspectorate|Attorney General)$/.test(
      name,
    )
  )
    return "Regulator";
  return "Company";
}
/** A sentence's opening word before a caption (`Following Mavundla v MEC`, `In Smith v Jones`): not the plaintiff's. */
const EN_CAPTION_LEAD =
  /^(?:Following|After|Before|Under|Unlike|Like|Since|Citing|See|In|Per|From|Despite|Applying)\s+/;

function zhPartyLabel(name: string): Label {
  if (/某$/.test(name) && name.length <= 3) return "Person";
  if (/法院$/.test(name)) return "Court";
  if (/(?:局|委员会)$/.test(name)) return "Regulator";
  if (/(?:大学|研究院|协会)$/.test(name)) return "Organization";
  return "Company";
}

function chineseCases(text: string): CaseNameHit[] {
  const out: CaseNameHit[] = [];
  for (const m of text.matchAll(ZH_CASE)) {
    let start = m.index!;
    let name = m[0];
    const stop = name.slice(0, -1).match(ZH_LEFT_STOP);
    if (stop) {
      start += stop[0].length;
      name = name.slice(stop[0].length);
    }
    name = name.replace(/^[“"《]+/, (q) => ((start += q.length), ""));
    if (name.length < 5 || name.length > MAX_CASE_NAME_CHARS || !ZH_CASE_WORD.test(name) || ZH_NOT_CASE.test(name))
      continue;
    const hit: CaseNameHit = { start, end: start + name.length, name };
    // `A诉B…案`: the plaintiff before 诉, the defendant after it up to its name's end.
    const v = name.indexOf("诉");
    if (v > 1) {
      const left = name.slice(0, v);
      // The defendant's legal form first (`杭州某智能科技有限公司`, not `杭州某`); a person is a surname and 某.
      const rest = name.slice(v + 1);
      const right =
        rest.match(/^(.{2,30}?(?:股份有限公司|有限责任公司|有限公司|公司|集团))/)?.[1] ??
        rest.match(/^([\u3400-\u9fff]{1,2}某)/)?.[1];
      if (ZH_PARTY_END.test(left) && right) {
        hit.parties = [
          { start, end: start + v, name: left, label: zhPartyLabel(left), role: "plaintiff" },
          {
            start: start + v + 1,
            end: start + v + 1 + right.length,
            name: right,
            label: zhPartyLabel(right),
            role: "defendant",
          },
        ];
      }
    }
    out.push(hit);
  }
  return out;
}

function englishCaptions(text: string): CaseNameHit[] {
  const out: CaseNameHit[] = [];
  const spans = capitalisedSpans(text);
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    if (!EN_CAPTION_GAP.test(text.slice(a.end, b.start))) continue;
    const lead = EN_CAPTION_LEAD.exec(a.text)?.[0].length ?? 0;
    const start = a.start + lead;
    const plaintiff = a.text.slice(lead);
    const name = text.slice(start, b.end);
    out.push({
      start,
      end: b.end,
      name,
      parties: [
        { start, end: a.end, name: plaintiff, label: enPartyLabel(plaintiff), role: "plaintiff" },
        { start: b.start, end: b.end, name: b.text, label: enPartyLabel(b.text), role: "defendant" },
      ],
    });
    i++;
  }
  return out;
}

/**
 * A court's case number, with the court written right before it: the mainland's `（2023）京0491民初11279号` and Taiwan's
 * `臺北地方法院114年度智易字第7號` (simplified before matching). It names the case as a lawyer cites it.
 */
const ZH_CASE_NUMBER =
  /(?:[\u4e00-\u9fff]{2,14}法院)?(?:[(（]\d{4}[)）][\u4e00-\u9fff]{1,3}\d{0,4}[\u4e00-\u9fff]{1,4}\d{1,6}号|\d{2,3}年度[\u4e00-\u9fff]{1,6}字第\d{1,6}号)/g;

function caseNumbers(text: string): CaseNameHit[] {
  return [...text.matchAll(ZH_CASE_NUMBER)].map((m) => {
    // The court's name starts after what opens it (`…有罪(台北地方法院…`, `经北京互联网法院…`).
    const lead =
      m[0].match(/^.*?(?=[\u4e00-\u9fff]{2,6}(?:地方|互联网|知识产权|高级|中级|最高)?(?:人民)?法院)/)?.[0].length ?? 0;
    let start = m.index! + (/法院/.test(m[0]) ? lead : 0);
    while (
      /^[据经由在向于被对将称的及和与]/.test(text.slice(start, start + 1)) &&
      /法院/.test(text.slice(start + 1, m.index! + m[0].length))
    )
      start++;
    return { start, end: m.index! + m[0].length, name: text.slice(start, m.index! + m[0].length) };
  });
}

/** The cases a sentence names. */
export function findCaseNames(text: string): CaseNameHit[] {
  const out: CaseNameHit[] = [];
  if (/\d号/.test(text)) out.push(...caseNumbers(text));
  if (/[\u3400-\u9fff]案/.test(text)) out.push(...chineseCases(text));
  if (/\sv(?:s|ersus)?\.?\s/.test(text)) out.push(...englishCaptions(text));
  return out;
}
