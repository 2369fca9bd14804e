import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningIdentity, type SigningIdentity } from '../../../src/lib/reports/signing-identity.ts';
import { layoutCertificate, renderCertificate, type CertificateInput } from '../../../src/lib/reports/render-certificate.ts';
import { layoutAuditReport, renderAuditReport, type AuditReportInput } from '../../../src/lib/reports/render-audit-report.ts';
import { verifyPdfSignature } from '../../../src/lib/reports/verify-pdf-signature.ts';

const VALID = 'Signature Validation: Signature is Valid.';
const HOSTILE_NOTE = '<script>alert(1)</script>';

let dir: string;
let identity: SigningIdentity;
let certificate: Buffer;
let report: Buffer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-sign-pdf-'));
  identity = await loadSigningIdentity({ dataDir: dir, organisation: 'Acme 数据 Ltd' });
  certificate = await renderCertificate(certificateInput(), identity);
  report = await renderAuditReport(auditInput('zh-cn'), identity);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs a poppler tool on the bytes and returns its standard output. */
function poppler(tool: string, bytes: Buffer, args: string[] = []): string {
  const file = path.join(dir, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

/** Changes one digit of the document's /ModDate: inside the signed range, harmless to the file's structure. */
function flipSignedByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = copy.lastIndexOf('(D:2025') + 3;
  copy[at] = copy[at]! ^ 1;
  return copy;
}

describe('signed certificate', () => {
  it('is a valid PAdES signature according to pdfsig', () => {
    const out = poppler('pdfsig', certificate);
    expect(out).toContain(VALID);
    expect(out).toContain('ETSI.CAdES.detached');
    expect(out).toContain('Acme 数据 Ltd Document Signing');
  });

  it('verifies in pure JS with the signer, the /M time and the certificate fingerprint', async () => {
    const check = await verifyPdfSignature(certificate);
    expect(check).toMatchObject({ valid: true, byteRangeCoversWholeFile: true, signerCommonName: 'Acme 数据 Ltd Document Signing' });
    expect(check.signedAt?.toISOString()).toBe('2025-03-12T09:30:00.000Z');
    expect(check.certificateFingerprintSha256).toBe(identity.fingerprintSha256);
  });

  it('fails both checks once a single signed byte changes', async () => {
    const tampered = flipSignedByte(certificate);
    expect(poppler('pdfsig', tampered)).not.toContain(VALID);
    expect(await verifyPdfSignature(tampered)).toMatchObject({ valid: false, reason: 'The document was changed after it was signed' });
  });

  it('shows a Chinese holder name and markup literally in an English certificate', () => {
    const text = poppler('pdftotext', certificate);
    expect(text).toContain('张伟');
    expect(text).toContain(HOSTILE_NOTE);
    expect(text).toContain('Certificate of Completion');
  });

  it('renders page 1 to a PNG', () => {
    expect(renderPageOne(certificate).length).toBeGreaterThan(1000);
  });

  it('lays out the same input as the same bytes, before and after signing', async () => {
    const [a, b] = [await layoutCertificate(certificateInput(), identity), await layoutCertificate(certificateInput(), identity)];
    expect(a.equals(b)).toBe(true);
    expect((await renderCertificate(certificateInput(), identity)).equals(certificate)).toBe(true);
  });
});

describe('signed audit report (120 items, zh-cn)', () => {
  it('is a valid PAdES signature according to pdfsig and to verifyPdfSignature', async () => {
    expect(poppler('pdfsig', report)).toContain(VALID);
    expect(await verifyPdfSignature(report)).toMatchObject({ valid: true, byteRangeCoversWholeFile: true });
  });

  it('fails both checks once a single signed byte changes', async () => {
    const tampered = flipSignedByte(report);
    expect(poppler('pdfsig', tampered)).not.toContain(VALID);
    expect((await verifyPdfSignature(tampered)).valid).toBe(false);
  });

  it('writes "page x of y" and the verification code on every page', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', report))![1]);
    expect(pages).toBeGreaterThan(3);
    const text = poppler('pdftotext', report);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`第 ${page} 页，共 ${pages} 页`);
    expect(text.split('验证码 K7QF-29XD').length - 1).toBeGreaterThanOrEqual(pages);
  });

  it('shows Chinese text, every item and notes with markup literally', () => {
    const text = poppler('pdftotext', report);
    expect(text).toContain('客户数据处理检查清单');
    expect(text).toContain('李娜');
    expect(text).toContain('20.6');
    expect(text).toContain(HOSTILE_NOTE);
  });

  it('renders page 1 to a PNG', () => {
    expect(renderPageOne(report).length).toBeGreaterThan(1000);
  });

  it('lays out the same input as the same bytes, before and after signing', async () => {
    const [a, b] = [await layoutAuditReport(auditInput('zh-cn'), identity), await layoutAuditReport(auditInput('zh-cn'), identity)];
    expect(a.equals(b)).toBe(true);
    expect((await renderAuditReport(auditInput('zh-cn'), identity)).equals(report)).toBe(true);
  });

  it('splits a note longer than a page across pages without losing it', async () => {
    const input = auditInput('en');
    const ending = 'ENDMARKER42';
    input.items[3]!.note = `${'The cabinet key was found in an unlocked drawer. '.repeat(180)}${ending}`;
    const pdf = await renderAuditReport(input, identity);
    expect(poppler('pdftotext', pdf).replace(/\s+/g, ' ')).toContain(ending);
    expect(poppler('pdfsig', pdf)).toContain(VALID);
  });
});

describe('verifyPdfSignature', () => {
  it('reports bytes appended after signing', async () => {
    const appended = Buffer.concat([report, Buffer.from('\n% appended\n')]);
    expect(await verifyPdfSignature(appended)).toMatchObject({ valid: false, byteRangeCoversWholeFile: false });
  });

  it('answers invalid, never throws, for input that is not a signed PDF', async () => {
    const unsigned = await layoutCertificate(certificateInput(), identity);
    const garbled = Buffer.from(certificate);
    garbled.write('zz', garbled.indexOf('/Contents <') + 11, 'latin1');
    for (const bytes of [Buffer.alloc(0), Buffer.from('%PDF-1.3 nothing'), unsigned, certificate.subarray(0, 5000), garbled]) {
      const check = await verifyPdfSignature(bytes);
      expect(check.valid).toBe(false);
      expect(check.reason).toBeTruthy();
    }
  });
});

function renderPageOne(pdf: Buffer): Buffer {
  const file = path.join(dir, `page-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, file]);
  const png = fs.readFileSync(`${file}.png`);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return png;
}

function certificateInput(): CertificateInput {
  return {
    locale: 'en',
    certificateNumber: 'CERT-2025-000123',
    holderName: `张伟 (Zhang Wei) ${HOSTILE_NOTE}`,
    courseTitle: 'Confidentiality of client data',
    courseVersion: 3,
    completedAt: new Date('2025-03-12T09:30:00Z'),
    expiresAt: new Date('2026-03-12T09:30:00Z'),
    score: 92.5,
    organisation: 'Acme 数据 Ltd',
    verificationCode: 'K7QF-29XD',
  };
}

const SECTIONS = ['客户数据的接收与登记', '存储介质与柜锁管理', '电子文件访问控制', '打印与复印', '邮件与传真', '外出携带', '销毁流程', '访客管理', '员工保密协议', '培训记录', '应急响应', '备份与恢复', '第三方服务商', '移动设备', '远程办公', '日志审计', '密码策略', '物理安全', '档案保存期限', '投诉与事件报告'];
const RESULTS = ['pass', 'pass', 'partial', 'pass', 'fail', 'na'] as const;
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** 20 sections of 6 items, every other item with a note. */
function auditInput(locale: 'en' | 'zh-cn'): AuditReportInput {
  const items: AuditReportInput['items'] = SECTIONS.flatMap((section, s) =>
    RESULTS.map((_, i) => ({
      sectionTitle: `${s + 1}. ${section}`,
      itemId: `${s + 1}.${i + 1}`,
      text: `检查项 ${s + 1}.${i + 1}：客户资料在使用完毕后是否立即放回带锁的文件柜，并由专人登记借阅和归还时间。`,
      result: RESULTS[(s + i) % RESULTS.length]!,
      note: i % 2 === 0 ? `现场抽查 ${i + 3} 份档案，其中一份未登记归还时间。${HOSTILE_NOTE} & "引号"` : null,
    })),
  );
  const findings = items.flatMap((item, n) =>
    item.result === 'fail' || item.result === 'partial'
      ? [{ sectionTitle: item.sectionTitle, itemId: item.itemId, itemText: item.text, result: item.result, severity: SEVERITIES[n % 4]!, note: item.note }]
      : [],
  );
  return {
    locale,
    organisation: '上海示例数据服务有限公司',
    audit: {
      id: 42,
      title: '2025年第一季度客户数据处理审核',
      site: '上海 · 静安办公室',
      checklistTitle: '客户数据处理检查清单',
      checklistVersion: 3,
      auditorName: '李娜 (Li Na)',
      startedAt: new Date('2025-03-10T01:30:00Z'),
      signedAt: new Date('2025-03-12T08:45:00Z'),
      statement: '本人确认，本报告如实记录了本次现场审核的结果；所列证据均为现场取得，未经修改。',
      signatureImagePng: signaturePng(),
    },
    overall: { score: 78.3, verdict: locale === 'en' ? 'Needs improvement' : '需要改进' },
    sections: SECTIONS.map((title, s) => ({ id: `s${s + 1}`, title: `${s + 1}. ${title}`, score: s === 7 ? null : 60 + ((s * 7) % 40), answered: 6, total: 6 })),
    findings,
    actions: findings.map((finding) => ({
      title: `整改：${finding.itemText.slice(0, 30)}`,
      severity: finding.severity,
      dueAt: new Date('2025-04-30T00:00:00Z'),
      owner: finding.itemId.endsWith('3') ? null : '王芳',
    })),
    items,
    evidence: items.slice(0, 12).map((item, n) => ({
      itemId: item.itemId,
      fileName: `现场照片-${n + 1}.jpg`,
      sha256: `${'ab'.repeat(31)}${String(n).padStart(2, '0')}`,
      bytes: 123456 * (n + 1),
    })),
    verificationCode: 'K7QF-29XD',
  };
}

/** A transparent PNG with a wavy stroke, standing in for a drawn signature. */
function signaturePng(): Buffer {
  const width = 300;
  const height = 90;
  const stride = width * 4 + 1;
  const pixels = Buffer.alloc(height * stride);
  for (let x = 10; x < 290; x++) {
    const y = Math.round(45 + 22 * Math.sin(x / 14) * Math.cos(x / 41));
    for (let dy = -1; dy <= 1; dy++) pixels.writeUInt32BE(0x1d3a6cff, (y + dy) * stride + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
