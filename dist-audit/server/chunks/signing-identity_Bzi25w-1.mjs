import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import forge from "node-forge";
import * as pkijs from "pkijs";
// src/lib/reports/signing-identity.ts
var cache = /* @__PURE__ */ new Map();
/** Loads the signing certificate and key (a given PKCS#12, or the organisation's own, made on first use); cached per process. */
function loadSigningIdentity(options) {
	const key = options.p12Path ? `p12:${path.resolve(options.p12Path)}` : `dir:${path.resolve(options.dataDir)}`;
	let identity = cache.get(key);
	if (!identity) {
		identity = options.p12Path ? givenIdentity(options.p12Path, options.passphrase ?? "") : ownIdentity(options.dataDir, options.organisation);
		identity.catch(() => cache.delete(key));
		cache.set(key, identity);
	}
	return identity;
}
async function givenIdentity(p12Path, passphrase) {
	return identityFromP12(await fs.promises.readFile(p12Path), passphrase);
}
var WAIT_FOR_OTHER_PROCESS_MS = 2e4;
/** Reads `<dataDir>/signing/org-signing.p12`, creating it first if no process has yet. */
async function ownIdentity(dataDir, organisation) {
	const dir = path.join(dataDir, "signing");
	const p12File = path.join(dir, "org-signing.p12");
	const passphraseFile = path.join(dir, "passphrase");
	fs.mkdirSync(dir, {
		recursive: true,
		mode: 448
	});
	if (!fs.existsSync(p12File)) {
		const passphrase = crypto.randomBytes(32).toString("base64url");
		if (publishExclusively(passphraseFile, passphrase)) {
			const p12 = createSelfSignedP12(organisation, passphrase);
			const tmp = `${p12File}.${process.pid}.${crypto.randomUUID()}.tmp`;
			fs.writeFileSync(tmp, p12, { mode: 384 });
			fs.renameSync(tmp, p12File);
		} else await waitFor(p12File, passphraseFile);
	}
	if (!fs.existsSync(passphraseFile)) throw new Error(`${p12File} exists but its passphrase file ${passphraseFile} is missing`);
	return identityFromP12(fs.readFileSync(p12File), fs.readFileSync(passphraseFile, "utf8").trim());
}
/** Writes `content` to `file` only if `file` does not exist yet, atomically (link fails if the target exists). */
function publishExclusively(file, content) {
	const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
	fs.writeFileSync(tmp, content, {
		mode: 384,
		flag: "wx"
	});
	try {
		fs.linkSync(tmp, file);
		return true;
	} catch (error) {
		if (error.code === "EEXIST") return false;
		throw error;
	} finally {
		fs.unlinkSync(tmp);
	}
}
async function waitFor(p12File, passphraseFile) {
	const deadline = Date.now() + WAIT_FOR_OTHER_PROCESS_MS;
	while (!fs.existsSync(p12File)) {
		if (Date.now() > deadline) throw new Error(`${p12File} did not appear; if no other process is creating it, delete ${passphraseFile} and retry`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
/** A self-signed RSA-2048 certificate for 10 years, for signing documents only, as an encrypted PKCS#12. */
function createSelfSignedP12(organisation, passphrase) {
	const { privateKey: pem } = crypto.generateKeyPairSync("rsa", {
		modulusLength: 2048,
		privateKeyEncoding: {
			type: "pkcs1",
			format: "pem"
		},
		publicKeyEncoding: {
			type: "spki",
			format: "pem"
		}
	});
	const key = forge.pki.privateKeyFromPem(pem);
	const cert = forge.pki.createCertificate();
	cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
	cert.serialNumber = `01${crypto.randomBytes(15).toString("hex")}`;
	cert.validity.notBefore = /* @__PURE__ */ new Date();
	cert.validity.notAfter = /* @__PURE__ */ new Date();
	cert.validity.notAfter.setFullYear(cert.validity.notBefore.getFullYear() + 10);
	const name = [{
		shortName: "CN",
		value: `${organisation} Document Signing`,
		valueTagClass: forge.asn1.Type.UTF8
	}, {
		shortName: "O",
		value: organisation,
		valueTagClass: forge.asn1.Type.UTF8
	}];
	cert.setSubject(name);
	cert.setIssuer(name);
	cert.setExtensions([
		{
			name: "basicConstraints",
			cA: false,
			critical: true
		},
		{
			name: "keyUsage",
			digitalSignature: true,
			nonRepudiation: true,
			critical: true
		},
		{ name: "subjectKeyIdentifier" }
	]);
	cert.sign(key, forge.md.sha256.create());
	const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, {
		algorithm: "aes256",
		friendlyName: `${organisation} Document Signing`,
		generateLocalKeyId: true
	});
	return Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary");
}
var KEY_BAG = "1.2.840.113549.1.12.10.1.1";
var PKCS8_SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2";
var CERT_BAG = "1.2.840.113549.1.12.10.1.3";
async function identityFromP12(p12, passphrase) {
	const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString("binary")), false, passphrase);
	const bags = (type) => parsed.getBags({ bagType: type })[type] ?? [];
	const key = [...bags(PKCS8_SHROUDED_KEY_BAG), ...bags(KEY_BAG)].find((bag) => bag.key)?.key;
	if (!key) throw new Error("The PKCS#12 holds no RSA private key");
	const certs = bags(CERT_BAG).map((bag) => bag.cert).filter((cert) => Boolean(cert));
	const own = certs.find((cert) => cert.publicKey.n?.equals(key.n));
	if (!own) throw new Error("The PKCS#12 holds no certificate for its private key");
	const pkcs8 = forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes();
	const privateKey = await globalThis.crypto.subtle.importKey("pkcs8", Buffer.from(pkcs8, "binary"), {
		name: "RSASSA-PKCS1-v1_5",
		hash: "SHA-256"
	}, false, ["sign"]);
	const certificateDer = certificateToDer(own);
	return {
		certificateDer,
		chainDer: certs.filter((cert) => cert !== own).map(certificateToDer),
		privateKey,
		subjectCommonName: commonName(certificateDer),
		fingerprintSha256: crypto.createHash("sha256").update(certificateDer).digest("hex")
	};
}
function commonName(certificateDer) {
	const subject = pkijs.Certificate.fromBER(new Uint8Array(certificateDer)).subject.typesAndValues;
	return String(subject.find((attribute) => attribute.type === "2.5.4.3")?.value.valueBlock.value ?? "");
}
function certificateToDer(cert) {
	return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");
}
export { loadSigningIdentity as t };
