// src/lib/audit/evidence-type.ts
var MAX_EVIDENCE_BYTES = 10485760;
var HEIC_BRANDS = /* @__PURE__ */ new Set([
	"heic",
	"heix",
	"heim",
	"heis",
	"hevc",
	"hevx"
]);
var HEIF_GENERIC = /* @__PURE__ */ new Set(["mif1", "msf1"]);
function ascii(bytes, start, length) {
	return String.fromCharCode(...bytes.subarray(start, start + length));
}
function startsWith(bytes, signature, at = 0) {
	return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
}
function isHeic(bytes) {
	if (bytes.length < 16 || ascii(bytes, 4, 4) !== "ftyp") return false;
	const boxSize = (bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]) >>> 0;
	const major = ascii(bytes, 8, 4);
	if (HEIC_BRANDS.has(major)) return true;
	if (!HEIF_GENERIC.has(major)) return false;
	const end = Math.min(boxSize, bytes.length, 256);
	for (let at = 16; at + 4 <= end; at += 4) if (HEIC_BRANDS.has(ascii(bytes, at, 4))) return true;
	return false;
}
/** The file's type from its magic bytes, or null when it is not an accepted image or PDF. */
function detectEvidenceType(bytes) {
	if (startsWith(bytes, [
		255,
		216,
		255
	])) return {
		mime: "image/jpeg",
		extension: "jpg"
	};
	if (startsWith(bytes, [
		137,
		80,
		78,
		71,
		13,
		10,
		26,
		10
	])) return {
		mime: "image/png",
		extension: "png"
	};
	if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return {
		mime: "image/webp",
		extension: "webp"
	};
	if (ascii(bytes, 0, 5) === "%PDF-") return {
		mime: "application/pdf",
		extension: "pdf"
	};
	if (isHeic(bytes)) return {
		mime: "image/heic",
		extension: "heic"
	};
	return null;
}
/** A file name safe to store and show: no path, no control characters, at most 120 characters. */
function cleanFileName(name, fallbackExtension) {
	const clean = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "").trim();
	if (!clean || clean === "." || clean === "..") return `evidence.${fallbackExtension}`;
	return clean.length <= 120 ? clean : clean.slice(0, 120);
}
export { cleanFileName as n, detectEvidenceType as r, MAX_EVIDENCE_BYTES as t };
