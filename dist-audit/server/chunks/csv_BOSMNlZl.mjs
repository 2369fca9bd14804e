/** One cell, quoted when needed and defused when it would start a formula. */
function csvCell(value) {
	let s = value === null || value === void 0 ? "" : value instanceof Date ? value.toISOString() : String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n']/.test(s) ? `"${s.replaceAll("\"", "\"\"")}"` : s;
}
/** One CSV line, CRLF-terminated as RFC 4180 asks. */
function csvLine(values) {
	return `${values.map(csvCell).join(",")}\r\n`;
}
/** Parses CSV text into rows of fields (RFC 4180: quotes, doubled quotes, CRLF or LF); a BOM is ignored. */
function parseCsv(text) {
	const rows = [];
	let row = [];
	let field = "";
	let quoted = false;
	const src = text.startsWith("﻿") ? text.slice(1) : text;
	for (let i = 0; i < src.length; i++) {
		const ch = src[i];
		if (quoted) {
			if (ch === "\"" && src[i + 1] === "\"") {
				field += "\"";
				i++;
			} else if (ch === "\"") quoted = false;
			else field += ch;
		} else if (ch === "\"" && field === "") quoted = true;
		else if (ch === ",") {
			row.push(field);
			field = "";
		} else if (ch === "\n" || ch === "\r") {
			if (ch === "\r" && src[i + 1] === "\n") i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = "";
		} else field += ch;
	}
	if (field !== "" || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}
export { parseCsv as n, csvLine as t };
