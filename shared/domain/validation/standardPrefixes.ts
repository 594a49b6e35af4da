/**
 * Codes of the standard issuers the parser recognises. Data, not logic: extend these lists when a new code is
 * published.
 */

/**
 * 行业标准代号 (industry standard codes). DB alone is 地震 (seismology); DB followed by a region code is a local
 * standard, which the parser checks first.
 */
export const industryPrefixes: readonly string[] = (
  'AQ BB CB CH CJ CY DA DB DL DZ EJ FZ GA GH GM GY HB HG HJ HS HY JB JC JG JR JT JY LB LD LS LY MH MT MZ NB NY QB QC ' +
  'QJ QX RB SB SC SF SH SJ SL SN SW SY TB TD TY WB WH WJ WM WS WW XB XF YB YC YD YJ YS YY YZ ZY'
).split(' ');

/** International standardising bodies: ISO, IEC, ITU and some of the bodies ISO recognises (ISO确认并公布的其他国际组织). */
export const internationalPrefixes: readonly string[] =
  'ISO IEC ISO/IEC ISO/IEC/IEEE ITU-T ITU-R ITU-D ITU BIPM CAC CIE IDF IIW ICAO IMO OIML UIC WHO'.split(' ');

/** Document-type qualifiers that may follow an international prefix (ISO/TS 16949, IEC TR 61000 …). */
export const internationalQualifiers: readonly string[] = ['TS', 'TR', 'PAS', 'IS', 'GUIDE'];
