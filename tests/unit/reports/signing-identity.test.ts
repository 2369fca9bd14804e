import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSigningIdentity } from '../../../src/lib/reports/signing-identity.ts';
import { layoutCertificate } from '../../../src/lib/reports/render-certificate.ts';
import { signPdf } from '../../../src/lib/reports/sign-pdf.ts';
import { verifyPdfSignature } from '../../../src/lib/reports/verify-pdf-signature.ts';

const MODULE = fileURLToPath(new URL('../../../src/lib/reports/signing-identity.ts', import.meta.url));
const hasOpenssl = fs.existsSync('/usr/bin/openssl');

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-signing-identity-'));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Loads the identity in a fresh Node process, as a second app server or a restart would; prints its fingerprint. */
async function fingerprintFromAnotherProcess(dataDir: string): Promise<string> {
  const script = `
    const { loadSigningIdentity } = await import(${JSON.stringify(MODULE)});
    const identity = await loadSigningIdentity({ dataDir: ${JSON.stringify(dataDir)}, organisation: 'Acme' });
    console.log(identity.fingerprintSha256);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
  return stdout.trim();
}

describe('the organisation signing identity', () => {
  it('is created once with a 0600 passphrase file, then reused', async () => {
    const first = await loadSigningIdentity({ dataDir: dir, organisation: 'Acme 数据 Ltd' });
    const p12File = path.join(dir, 'signing', 'org-signing.p12');
    const passphraseFile = path.join(dir, 'signing', 'passphrase');
    const p12 = fs.readFileSync(p12File);

    expect(fs.statSync(passphraseFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(p12File).mode & 0o777).toBe(0o600);
    expect(first.subjectCommonName).toBe('Acme 数据 Ltd Document Signing');
    expect(first.fingerprintSha256).toBe(crypto.createHash('sha256').update(first.certificateDer).digest('hex'));
    expect(first.privateKey.extractable).toBe(false);

    expect(await loadSigningIdentity({ dataDir: dir, organisation: 'Acme 数据 Ltd' })).toBe(first);
    expect(await fingerprintFromAnotherProcess(dir)).toBe(first.fingerprintSha256);
    expect(fs.readFileSync(p12File).equals(p12)).toBe(true);
  });

  it('is a 10-year, RSA-2048, document-signing-only certificate', async () => {
    const identity = await loadSigningIdentity({ dataDir: dir, organisation: 'Acme' });
    const cert = new crypto.X509Certificate(identity.certificateDer);
    const years = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / (365.25 * 24 * 3600 * 1000);
    expect(Math.round(years)).toBe(10);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(cert.subject).toContain('O=Acme');
    expect(cert.ca).toBe(false);
    const text = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text'], { input: identity.certificateDer, encoding: 'utf8' });
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation\s/);
  });

  it('is created exactly once when two processes start at the same time', async () => {
    const [a, b] = await Promise.all([fingerprintFromAnotherProcess(dir), fingerprintFromAnotherProcess(dir)]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(fs.readdirSync(path.join(dir, 'signing')).sort()).toEqual(['org-signing.p12', 'passphrase']);
  });
});

describe.skipIf(!hasOpenssl)('a PKCS#12 given by configuration', () => {
  /** A key and certificate made by OpenSSL with its defaults (AES-256 PBES2, SHA-256 MAC). */
  function opensslP12(passphrase: string): { p12Path: string; certificateDer: Buffer } {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    const p12Path = path.join(dir, 'given.p12');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=Given Signer/O=Given Org'], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12Path, '-passout', `pass:${passphrase}`]);
    const certificateDer = execFileSync('openssl', ['x509', '-in', cert, '-outform', 'DER']);
    return { p12Path, certificateDer };
  }

  it('is loaded instead of the organisation certificate, and signs valid PDFs', async () => {
    const { p12Path, certificateDer } = opensslP12('correct horse');
    const identity = await loadSigningIdentity({ dataDir: dir, organisation: 'Acme', p12Path, passphrase: 'correct horse' });
    expect(identity.subjectCommonName).toBe('Given Signer');
    expect(identity.certificateDer.equals(certificateDer)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'signing'))).toBe(false);

    const unsigned = await layoutCertificate(
      {
        locale: 'en',
        certificateNumber: 'C-1',
        holderName: 'Ada Lovelace',
        courseTitle: 'Retention and destruction',
        courseVersion: 1,
        completedAt: new Date('2025-01-02T03:04:05Z'),
        expiresAt: null,
        score: 100,
        organisation: 'Given Org',
        verificationCode: 'ABCD-EFGH',
      },
      identity,
    );
    const signed = await signPdf({ pdf: unsigned, identity });
    expect(await verifyPdfSignature(signed)).toMatchObject({ valid: true, signerCommonName: 'Given Signer' });
  });

  it('is refused with a wrong passphrase, and the failure is not cached', async () => {
    const { p12Path } = opensslP12('right');
    await expect(loadSigningIdentity({ dataDir: dir, organisation: 'Acme', p12Path, passphrase: 'wrong' })).rejects.toThrow();
    await expect(loadSigningIdentity({ dataDir: dir, organisation: 'Acme', p12Path, passphrase: 'right' })).resolves.toMatchObject({
      subjectCommonName: 'Given Signer',
    });
  });
});
