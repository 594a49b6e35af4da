import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CampaignConfig } from '../../shared/domain/campaign/campaignConfig.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import { defaultOcrOptions } from '../../shared/ocr/ocrBudget.js';
import { isoInstant } from '../local/valueChecks.js';
import { type CliIo, exitCodes, UsageError } from './cliIo.js';

export const checkUsage = `用法: award check <材料包.zip|文件夹|.iso> [--json] [--html 文件] [--received-at ISO时间] [--campaign 2025] [--recommending-unit 名称] [--no-ocr] [--ocr-pages N]

  --json               标准输出只输出报告 JSON（进度信息写到标准错误；身份证号、电话号码已打码，与 HTML 报告相同）
  --html FILE          另存一份可打印的 HTML 报告
  --received-at ISO    收到时间，带时区，例如 2025-08-20T16:30:00+08:00（据此判断是否逾期）
  --campaign YEAR      评选年度（默认 2025）
  --recommending-unit  推荐单位名称（默认从推荐公函或汇总表读取）
  --no-ocr             不做文字识别：扫描件只列为需人工核对
  --ocr-pages N        每个材料包最多识别 N 页扫描页（默认 ${defaultOcrOptions.maxPagesPerBundle}；每个文件另以 ${defaultOcrOptions.maxPagesPerFile} 页为限），其余页列为提示

退出码: 0 全部申报材料完整；1 存在阻断问题；2 用法错误或材料包无法读取`;

interface CheckOptions {
  bundle: string;
  json: boolean;
  html?: string;
  receivedAt?: string;
  campaign: CampaignConfig;
  recommendingUnit?: string;
  /** false: --no-ocr; else the page cap. */
  ocr: false | { maxPagesPerBundle: number };
}

function parseCheckArgs(args: string[]): CheckOptions | 'help' {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        html: { type: 'string' },
        'received-at': { type: 'string' },
        campaign: { type: 'string', default: '2025' },
        'recommending-unit': { type: 'string' },
        'no-ocr': { type: 'boolean', default: false },
        'ocr-pages': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? '缺少材料包路径' : `只能检查一个材料包，收到 ${positionals.length} 个`,
    );
  const receivedAt = values['received-at'];
  const instant = receivedAt === undefined ? undefined : isoInstant(receivedAt);
  if (instant && !instant.ok)
    throw new UsageError(
      `--received-at 须为带时区的 ISO 时间，例如 2025-08-20T16:30:00+08:00，收到“${receivedAt}”（${instant.zh ?? instant.reason}）`,
    );
  if (!/^\d{4}$/.test(values.campaign))
    throw new UsageError(`--campaign 须为四位年份，例如 2025，收到“${values.campaign}”`);
  if (values.html === '') throw new UsageError('--html 须给出文件名');
  const ocrPages = values['ocr-pages'];
  if (ocrPages !== undefined && !/^\d{1,4}$/.test(ocrPages))
    throw new UsageError(`--ocr-pages 须为 0 到 9999 的整数，收到“${ocrPages}”`);
  if (ocrPages !== undefined && values['no-ocr']) throw new UsageError('--no-ocr 与 --ocr-pages 不能同时使用');
  let campaign: CampaignConfig;
  try {
    campaign = loadCampaign(values.campaign);
  } catch (error) {
    throw new UsageError(`无法加载评选年度 ${values.campaign}：${(error as Error).message}`);
  }
  return {
    bundle: positionals[0] as string,
    json: values.json,
    html: values.html,
    receivedAt,
    campaign,
    recommendingUnit: values['recommending-unit'],
    ocr: values['no-ocr']
      ? false
      : { maxPagesPerBundle: ocrPages === undefined ? defaultOcrOptions.maxPagesPerBundle : Number(ocrPages) },
  };
}

/**
 * `award check <bundle>`: extracts a bundle, its scans OCR'd in the same pass (unless --no-ocr; at most --ocr-pages
 * pages per bundle, granted in bundle order) and checks it; progress lines on stderr carry counts and times only, prints the summary (or only the report JSON with --json), optionally writes the HTML report. Exit 0 when the bundle is complete, 1 when anything blocks, 2 for usage errors
 * and unreadable bundle paths.
 */
export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseCheckArgs(args);
  if (options === 'help') {
    io.stdout(`${checkUsage}\n`);
    return exitCodes.ok;
  }
  io.stderr(`正在检查材料包 ${options.bundle} …\n`);
  // The readers, OCR and the report writers are loaded only now: `award --help` and a usage error load none of them.
  const [
    { BundlePathError, checkBundlePath },
    { closeDefaultSandbox },
    { closeSharedOcrEngine },
    { closeSharedPdfPageRenderer },
    { reportHtml },
    { reportJson },
    { reportSummary },
  ] = await Promise.all([
    import('../../shared/completeness/checkBundlePath.js'),
    import('../../shared/extraction/extractionOptions.js'),
    import('../../shared/ocr/recognise.js'),
    import('../../shared/ocr/renderPdfPage.js'),
    import('../../shared/report/reportHtml.js'),
    import('../../shared/report/reportJson.js'),
    import('../../shared/report/reportSummary.js'),
  ]);
  try {
    const report = await checkBundlePath(options.bundle, {
      campaign: options.campaign,
      receivedAt: options.receivedAt,
      recommendingUnit: options.recommendingUnit,
      ocr: options.ocr,
      progress: (message) => io.stderr(`${message}\n`),
    });
    if (options.html !== undefined) {
      try {
        await writeFile(options.html, reportHtml(report));
      } catch (error) {
        throw new UsageError(
          `无法写入 HTML 报告 ${options.html}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      io.stderr(`HTML 报告已写入 ${options.html}\n`);
    }
    // The unit's own machine, but the JSON is what travels (mail, tickets): masked like the HTML and the summary.
    if (options.json) io.stdout(reportJson(report, { role: 'recommending_unit' }));
    else io.stdout(reportSummary(report));
    return report.status === 'complete' ? exitCodes.ok : exitCodes.blocking;
  } catch (error) {
    if (error instanceof BundlePathError) throw new UsageError(error.message);
    throw error;
  } finally {
    await Promise.all([closeDefaultSandbox(), closeSharedOcrEngine(), closeSharedPdfPageRenderer()]);
  }
}
