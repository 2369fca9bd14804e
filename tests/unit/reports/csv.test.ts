import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, parseCsv } from '../../../src/lib/reports/csv.ts';

describe('CSV', () => {
  it('defuses cells that Excel would run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
  });
  it('quotes commas, quotes and newlines and leaves plain text alone', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', '李伟', 3])).toBe('"a,b","say ""hi""","two\nlines",李伟,3\r\n');
  });
  it('parses what it writes back to the same fields', () => {
    const fields = ['a,b', 'say "hi"', 'two\nlines', '李伟', ''];
    expect(parseCsv(csvLine(fields))).toEqual([fields]);
  });
  it('ignores a byte-order mark and accepts LF or CRLF', () => {
    expect(parseCsv('\uFEFFemail,name\nx@y.z,X\r\n')).toEqual([['email', 'name'], ['x@y.z', 'X']]);
  });
});
