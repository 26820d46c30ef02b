#!/bin/bash
# fuzz/seed_xlsx.sh OUT: seeds for fuzz/fuzz_xlsx.c, made at run time: sheet XML with merged
# ranges, then a zero byte, styles.xml with date formats, a zero byte, shared strings.
set -euo pipefail
out=${1:?output folder}
mkdir -p "$out"
ns='xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
sheet="<worksheet $ns><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>鹿城区</t></is></c><c r=\"B3\" s=\"1\"><v>45657</v></c><c r=\"C3\" s=\"2\"><v>0.5</v></c></row><row r=\"6\"><c r=\"B6\"><v>7</v></c><c r=\"D6\" s=\"3\"><v>45658.25</v></c></row></sheetData><mergeCells count=\"3\"><mergeCell ref=\"A1:D1\"/><mergeCell ref=\"A3:A8\"/><mergeCell ref=\"C3:D4\"/></mergeCells></worksheet>"
styles="<styleSheet $ns><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/><numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/></numFmts><cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"165\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"
sst="<sst $ns><si><t>标题</t></si></sst>"
printf '%s\0%s\0%s' "$sheet" "$styles" "$sst" > "$out/full"
printf '%s' "$sheet" > "$out/sheet"
printf '%s\0%s' "<worksheet><sheetData><row><c s=\"1\"><v>1</v></c><c><v>2</v></c></row><row/><row><c r=\"XFD9\"><v>3</v></c></row></sheetData><mergeCells><mergeCell ref=\"A1:XFD1048576\"/><mergeCell ref=\"B1:B3\"/></mergeCells></worksheet>" "$styles" > "$out/wide"
